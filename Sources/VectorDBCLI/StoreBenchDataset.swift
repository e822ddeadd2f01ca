import ArgumentParser
import Foundation
import HNSW
import PipelineConfig
import VectorStore

/// The store benchmark's dataset directory, as `scripts/store-dataset.py` writes it: the collection
/// schema (`schema.toml`), documents (`documents.jsonl`, row i has vector i of `base.fvecs`),
/// queries (`queries.jsonl` text, `queries.fvecs` vectors), filters (`filters.json`) and the exact
/// top-k ids per filter, mode and query (`truth.json`).
struct StoreBenchDataset {
    /// One filter of the run: a name and the `vectordb search --filter` expressions it ANDs.
    struct Filter {
        var name: String
        var expressions: [String]
        /// Documents that match it (from the generator), and their fraction of all documents.
        var count: Int
        var fraction: Double
    }

    let directory: URL
    let schema: CollectionSchema
    let queryTexts: [String]
    let queryVectors: [[Float]]
    let filters: [Filter]
    /// `truth[filter][mode][query]`: the exact top-k ids.
    let truth: [String: [String: [[String]]]]
    let k: Int

    init(directory path: String, queryCountMax: Int) throws {
        let directory = URL(fileURLWithPath: path)
        self.directory = directory
        func file(_ name: String) -> String { directory.appendingPathComponent(name).path }
        queryVectors = Array(try VectorFiles.readFvecs(file("queries.fvecs")).prefix(queryCountMax))
        schema = try CollectionSchema.load(path: file("schema.toml"), embedderDimension: queryVectors.first?.count ?? 0)
        let texts = try Self.jsonLines(file("queries.jsonl")).map { $0["text"] as? String ?? "" }
        queryTexts = Array(texts.prefix(queryVectors.count))
        let filterObjects = try Self.json(file("filters.json")) as? [[String: Any]] ?? []
        filters = filterObjects.map { object in
            Filter(
                name: object["name"] as? String ?? "",
                expressions: object["vectordb"] as? [String] ?? [],
                count: object["count"] as? Int ?? 0,
                fraction: object["fraction"] as? Double ?? 0
            )
        }
        let truthObject = try Self.json(file("truth.json")) as? [String: Any] ?? [:]
        truth = truthObject["truth"] as? [String: [String: [[String]]]] ?? [:]
        k = truthObject["k"] as? Int ?? 10
        guard !filters.isEmpty, queryTexts.count == queryVectors.count, !truth.isEmpty else {
            throw ValidationError("\(path): filters.json, queries.jsonl or truth.json is empty or disagrees")
        }
    }

    /// The path of a file of the dataset.
    func file(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Calls `body` with batches of at most `batchSize` documents, in file order, each document
    /// with its vector; returns the number of documents read.
    func forEachBatch(size batchSize: Int, _ body: ([Document]) async throws -> Void) async throws -> Int {
        let vectors = try VectorFiles.readFvecs(file("base.fvecs"))
        guard let vectorField = schema.vectors.first?.name else {
            throw ValidationError("schema.toml declares no vector field")
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file("documents.jsonl")), options: .alwaysMapped)
        var batch: [Document] = []
        var row = 0
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            defer { start = end + 1 }
            guard end > start else { continue }
            guard row < vectors.count else { throw ValidationError("documents.jsonl has more rows than base.fvecs") }
            var document = try StoreBenchDocument.decode(bytes[start..<end], schema: schema)
            document.vectors[vectorField] = vectors[row]
            batch.append(document)
            row += 1
            if batch.count == batchSize {
                try await body(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try await body(batch) }
        return row
    }

    private static func json(_ path: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    private static func jsonLines(_ path: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
        }
    }
}

/// A dataset line (`{"id": …, field: value, …}`) as a `Document` of the schema.
enum StoreBenchDocument {
    static func decode(_ line: Data, schema: CollectionSchema) throws -> Document {
        guard let object = try JSONSerialization.jsonObject(with: line) as? [String: Any],
            let id = object[schema.primaryKey] as? String
        else { throw ValidationError("a documents.jsonl line is not an object with a string '\(schema.primaryKey)'") }
        var fields: [String: FieldValue] = [:]
        for field in schema.fields {
            guard let raw = object[field.name] else { continue }
            guard let value = value(raw, type: field.type) else {
                throw ValidationError("document \(id): field '\(field.name)' is not a \(field.type.rawValue)")
            }
            fields[field.name] = value
        }
        return Document(id: id, fields: fields)
    }

    private static func value(_ raw: Any, type: FieldType) -> FieldValue? {
        switch type {
        case .string: (raw as? String).map(FieldValue.string)
        case .int64: (raw as? NSNumber).map { .int64($0.int64Value) }
        case .double: (raw as? NSNumber).map { .double($0.doubleValue) }
        case .bool: (raw as? Bool).map(FieldValue.bool)
        case .date: (raw as? String).flatMap { FieldValue(parsing: $0, as: .date) }
        case .stringArray: (raw as? [String]).map(FieldValue.stringArray)
        }
    }
}
