import Foundation
import VectorStore

extension PipelineDefinition {
    /// Reads and validates a pipeline file.
    ///
    /// - Throws: `ConfigError` naming the file, and the line and key when the problem is one key:
    ///   a missing file, a TOML syntax error, an unknown key, a wrong type or an out-of-range value.
    public static func load(path: String) throws(ConfigError) -> PipelineDefinition {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(code: .fileNotFound, file: path, line: nil, key: nil, message: "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(code: .syntax, file: path, line: nil, key: nil, message: "the file is not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    /// Validates pipeline TOML text; relative paths resolve against the directory of `file`.
    ///
    /// - Parameter environment: what `${NAME}` in string values stands for (default: the process's).
    public static func parse(
        _ text: String,
        file: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigError) -> PipelineDefinition {
        let source = try TOMLSource(text: text, file: file, environment: environment)
        let root = TableReader(source: source, path: "", entries: source.root)
        try root.rejectUnknownKeys(["pipeline", "source", "parse", "chunker", "embedder", "store", "schedule"])
        let baseDirectory = URL(fileURLWithPath: file).deletingLastPathComponent()

        let pipeline = try root.table("pipeline")
        try pipeline?.rejectUnknownKeys(["name", "collection"])
        let name = try pipeline?.string("name") ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent

        guard let sourceTable = try root.table("source") else {
            throw ConfigError(
                code: .missingKey,
                file: file,
                line: nil,
                key: "source",
                message: "a [source] table is required"
            )
        }
        let kind = try sourceTable.string("kind") ?? "edgar-archive"
        guard sourceKinds.contains(kind) else {
            throw sourceTable.error(
                .invalidValue,
                "kind",
                "unknown source kind '\(kind)'; expected one of: \(sourceKinds.sorted().joined(separator: ", "))"
            )
        }
        let commonKeys: Set<String> = ["kind", "forms", "ciks", "documents"]
        try sourceTable.rejectUnknownKeys(commonKeys.union(kind == "edgar" ? EDGARSourceSettings.keys : ["root"]))
        let ciks = try sourceTable.integers("ciks") ?? []
        if let bad = ciks.first(where: { !(1...9_999_999_999).contains($0) }) {
            throw sourceTable.error(.invalidValue, "ciks", "\(bad) is not a CIK")
        }
        let edgar = kind == "edgar" ? try edgarSettings(sourceTable, ciks: ciks) : nil
        var rootURL = edgar?.cacheDirectory
        if kind != "edgar" {
            guard let rootPath = try sourceTable.string("root") else {
                throw ConfigError(
                    code: .missingKey,
                    file: file,
                    line: source.line(of: "source"),
                    key: "source.root",
                    message: "required: the directory to ingest"
                )
            }
            rootURL = URL(fileURLWithPath: rootPath, relativeTo: baseDirectory).standardizedFileURL
        }
        let documents = try sourceTable.strings("documents").map { DocumentSelection($0) } ?? DocumentSelection.default
        if let problem = DocumentSelection.problem(with: documents.entries) {
            throw sourceTable.error(.invalidValue, "documents", problem)
        }

        let chunkerTable = try root.table("chunker")
        if let chunkerTable,
            let removed = ["max_chars", "overlap_chars"].first(where: { chunkerTable.entries[$0] != nil })
        {
            throw chunkerTable.error(
                .unknownKey,
                removed,
                "chunks are now sized in the embedder's tokens: use max_tokens (default 256) and overlap_tokens "
                    + "(default 32) instead of max_chars and overlap_chars"
            )
        }
        try chunkerTable?.rejectUnknownKeys(["max_tokens", "overlap_tokens"])
        let maxTokens = try chunkerTable?.integer("max_tokens", in: 16...100_000) ?? 256
        let overlapTokens = try chunkerTable?.integer("overlap_tokens", in: 0...50_000) ?? 32
        if overlapTokens >= maxTokens / 2 {
            throw (chunkerTable ?? root).error(
                .invalidValue,
                "overlap_tokens",
                "\(overlapTokens) must be less than half of max_tokens (\(maxTokens))"
            )
        }

        let embedderTable = try root.table("embedder")
        try embedderTable?.rejectUnknownKeys(
            Set(["provider", "dimension", "model_dir", "precision", "batch_size", "threads"]).union(openAIKeys)
        )
        let provider = try embedderTable?.string("provider") ?? "minilm"
        if !providers.contains(provider), let embedderTable {
            throw embedderTable.error(
                .invalidValue,
                "provider",
                "unknown provider '\(provider)'; expected one of: \(providers.sorted().joined(separator: ", "))"
            )
        }
        var dimension = try embedderTable?.integer("dimension", in: 16...4_096) ?? 384
        var openAI: OpenAISettings?
        if let embedderTable { openAI = try openAISettings(embedderTable, provider: provider) }
        if let dimensions = openAI?.dimensions { dimension = dimensions }
        let modelDirectory = try embedderTable?.string("model_dir").map {
            URL(fileURLWithPath: $0, relativeTo: baseDirectory).standardizedFileURL
        }
        if modelDirectory != nil, provider != "minilm", let embedderTable {
            throw embedderTable.error(.invalidValue, "model_dir", "only the minilm provider reads a model directory")
        }
        let precision = try embedderTable?.string("precision") ?? "auto"
        if let embedderTable, embedderTable.entries["precision"] != nil {
            guard provider == "minilm" else {
                throw embedderTable.error(.invalidValue, "precision", "only the minilm provider has a precision")
            }
            guard EmbedderSettings.precisions.contains(precision) else {
                throw embedderTable.error(
                    .invalidValue,
                    "precision",
                    "'\(precision)' is not a precision; use auto, float32 or bfloat16"
                )
            }
        }

        var batchSize: Int?
        var threads: Int?
        if let embedderTable {
            if provider == "minilm" {
                batchSize = try embedderTable.integer("batch_size", in: 1...1_024)
                threads = try embedderTable.integer("threads", in: 1...256)
            } else {
                let keys = provider == "openai" ? ["threads"] : ["batch_size", "threads"]
                if let key = keys.first(where: { embedderTable.entries[$0] != nil }) {
                    throw embedderTable.error(.invalidValue, key, "only the minilm provider takes \(key)")
                }
            }
        }

        let storeTable = try root.table("store")
        try storeTable?.rejectUnknownKeys(["collection", "schema", "codec", "compaction_bytes_per_second"])
        let pipelineCollection = try pipeline?.string("collection")
        let storeCollection = try storeTable?.string("collection")
        if let pipelineCollection, let storeCollection, pipelineCollection != storeCollection, let pipeline {
            throw pipeline.error(
                .invalidValue,
                "collection",
                "'\(pipelineCollection)' differs from [store] collection '\(storeCollection)'; name it once"
            )
        }
        let collection = storeCollection ?? pipelineCollection ?? "filings"
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789_-")
        if !(1...64).contains(collection.count) || !collection.allSatisfy({ allowed.contains($0) }),
            let table = storeCollection != nil ? storeTable : pipeline
        {
            throw table.error(.invalidValue, "collection", "'\(collection)' must be 1-64 characters of [a-z0-9_-]")
        }
        let parseTable = try root.table("parse")
        try parseTable?.rejectUnknownKeys(["max_input_bytes"])
        let maxInputBytes =
            try parseTable?.integer("max_input_bytes", in: ParseSettings.maxInputBytesRange)
            ?? ParseSettings().maxInputBytes
        let codecs: [String: StoreOptions.Codec] = ["none": .none, "lz4": .lz4, "zstd": .zstd, "gzip": .gzip]
        let codecName = try storeTable?.string("codec") ?? "lz4"
        guard let codec = codecs[codecName] else {
            let message = "'\(codecName)' is not a codec; use lz4, zstd, gzip or none"
            throw storeTable?.error(.invalidValue, "codec", message)
                ?? ConfigError(code: .invalidValue, file: file, line: nil, key: "store.codec", message: message)
        }
        let budgetKey = "compaction_bytes_per_second"
        let compactionBudget =
            try storeTable?.integer(budgetKey, in: Int.min...Int.max) ?? StoreOptions().compactionBytesPerSecond
        if !StoreSettings.compactionBytesPerSecondRange.contains(compactionBudget), let storeTable {
            throw storeTable.error(
                .invalidValue,
                budgetKey,
                "\(compactionBudget) is not a compaction I/O budget: use 0 (unlimited) or bytes per second up to "
                    + "\(StoreSettings.compactionBytesPerSecondRange.upperBound) (e.g. 67108864 for 64 MiB/s)"
            )
        }

        return PipelineDefinition(
            file: file,
            name: name,
            source: SourceSettings(
                kind: kind,
                root: rootURL,
                forms: try sourceTable.strings("forms") ?? [],
                ciks: ciks,
                documents: documents,
                edgar: edgar
            ),
            chunker: ChunkerSettings(maxTokens: maxTokens, overlapTokens: overlapTokens),
            embedder: EmbedderSettings(
                provider: provider,
                dimension: dimension,
                modelDirectory: modelDirectory,
                precision: precision,
                openAI: openAI,
                batchSize: batchSize,
                threads: threads
            ),
            store: StoreSettings(
                collection: collection,
                schemaFile: try storeTable?.string("schema").map {
                    URL(fileURLWithPath: $0, relativeTo: baseDirectory).standardizedFileURL
                },
                codec: codec,
                compactionBytesPerSecond: compactionBudget
            ),
            parse: ParseSettings(maxInputBytes: maxInputBytes),
            schedule: try root.table("schedule").map { (table) throws(ConfigError) in try scheduleSettings(table) }
        )
    }
}
