import ArgumentParser
import Chunker
import Embedding
import FilingParser
import Foundation
import Pipeline
import PipelineConfig
import SECDocuments
import SECModel

/// `vectordb chunk FILE`: the chunks a filing document is cut into, with their item, span and size
/// in the embedder's tokens, to check chunking by hand.
struct ChunkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chunk",
        abstract: "Parse a filing and print its chunks: id, item, span and tokens (or JSON with --json).",
        discussion: """
            Tokens are counted by the embedder's tokenizer (minilm finds its model as docs/cli.md says; run \
            `make deps`), and include [CLS]/[SEP] and the context line the embedder reads before each chunk. \
            Filer, CIK and fiscal year come from the document's inline XBRL cover facts when it has them; the \
            accession number from --accession or the file's name or folder. With --pipeline, the chunker and \
            tokenizer are the pipeline's and a document its source selects (primary or exhibit) gets the \
            metadata and type `vectordb run` uses: the output is exactly what a run embeds.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The filing document (.htm, .html).")
    var file: String

    @Option(name: .long, help: "Form type (10-K, 10-Q, 8-K …); guessed from the cover page when absent.")
    var form: String?

    @Option(name: .long, help: "Most tokens per chunk, special tokens and context line included (16-100000).")
    var maxTokens = SectionChunker.maxTokensDefault

    @Option(name: .long, help: "Most tokens consecutive chunks of one paragraph share (less than max-tokens / 2).")
    var overlapTokens = SectionChunker.overlapTokensDefault

    @Option(name: .long, help: "Whose tokens to count: minilm (WordPiece) or hashing (an estimate).")
    var provider: EmbedCommand.Provider = .minilm

    @Option(name: .long, help: ArgumentHelp("Model directory for minilm.", valueName: "dir"))
    var modelDir: String?

    @Option(name: .long, help: "The filing's accession number, for chunk ids.")
    var accession: String?

    @Option(name: .long, help: "Refuse inputs larger than this many bytes (default: 256 MiB).")
    var maxBytes: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Chunk as this pipeline does: its [chunker], [embedder] and, for a document its source selects, its metadata.",
            valueName: "file"
        )
    )
    var pipeline: String?

    @Flag(name: .long, help: "Print one JSON object with every chunk (docs: README, `vectordb chunk`).")
    var json = false

    func validate() throws {
        guard modelDir == nil || provider == .minilm else {
            throw ValidationError("--model-dir needs --provider minilm")
        }
        if let accession, AccessionNumber(accession) == nil {
            throw ValidationError("--accession: '\(accession)' is not an accession number (0001234567-25-000001)")
        }
    }

    func run() async throws {
        LogSetup.bootstrap(global)
        let limit = maxBytes ?? HTMLFilingParser().maxInputBytes
        let bytes = try InputFile.read(file, maxBytes: limit)
        let (document, chunks, settings) = try await chunk(bytes, maxBytes: limit)
        if json {
            let output = ChunkJSON(
                maxTokens: settings.maxTokens,
                overlapTokens: settings.overlapTokens,
                tokenizer: settings.tokenizer,
                characters: document.scalarCount,
                chunks: chunks.map(ChunkJSON.Entry.init)
            )
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            Terminal.write(data: try encoder.encode(output))
            return
        }
        for measured in chunks {
            let citation = measured.chunk.citation
            let preview = measured.chunk.text.prefix(60).replacingOccurrences(of: "\n", with: " ")
            let repeated = [
                measured.repeatedCaption.map { _ in "caption" }, measured.repeatedHeader.map { _ in "header" },
            ].compactMap { $0 }
            let header = repeated.isEmpty ? "" : "\t[table \(repeated.joined(separator: " and ")) repeated]"
            Terminal.write(
                "\(measured.chunk.id)\t\(citation.item)\t\(citation.charStart)-\(citation.charEnd)\t"
                    + "\(measured.tokenCount) tokens\t\(preview)\(header)"
            )
        }
        let largest = chunks.map(\.tokenCount).max() ?? 0
        Terminal.write(
            "\(chunks.count) chunks in \(document.sections.count) sections; largest \(largest) tokens "
                + "(limit \(settings.maxTokens), \(settings.tokenizer == "minilm" ? "MiniLM WordPiece" : "approximate") count)"
        )
    }
}

extension ChunkCommand {
    /// The settings the chunks were cut with.
    struct Settings {
        var maxTokens: Int
        var overlapTokens: Int
        /// `minilm` or `approximate`.
        var tokenizer: String
    }

    /// Parses and chunks `bytes` with the library's `FilingChunker`: the pipeline's (and, for a file
    /// its source lists, the metadata a run uses) with `--pipeline`, else the one the flags describe.
    func chunk(
        _ bytes: [UInt8],
        maxBytes: Int
    ) async throws -> (document: ParsedDocument, chunks: [MeasuredChunk], settings: Settings) {
        let filingChunker: FilingChunker
        let settings: Settings
        var listed: (filing: SourceFiling, document: SourceDocument)?
        if let pipeline {
            let definition = try PipelineDefinition.load(path: pipeline)
            let embedder = try EmbedderFactory.make(definition.embedder)
            filingChunker = try FilingChunker(definition: definition, embedder: embedder)
            settings = Settings(
                maxTokens: definition.chunker.maxTokens,
                overlapTokens: definition.chunker.overlapTokens,
                tokenizer: embedder is any TokenCounter ? "minilm" : "approximate"
            )
            listed = try await makeFilingSource(definition.source, file: definition.file, dataRoot: global.dataRoot)
                .document(at: file)
        } else {
            filingChunker = try FilingChunker(
                maxTokens: maxTokens,
                overlapTokens: overlapTokens,
                embedder: provider.tokenEmbedder(modelDir: modelDir)
            )
            settings = Settings(
                maxTokens: maxTokens,
                overlapTokens: overlapTokens,
                tokenizer: provider == .minilm ? "minilm" : "approximate"
            )
        }
        if let listed, form == nil, accession == nil {
            let (document, chunks) = try filingChunker.chunks(of: listed.document, filing: listed.filing.metadata)
            return (document, chunks, settings)
        }
        let (document, filing) = try ChunkFilingMetadata.load(
            bytes: bytes,
            file: file,
            form: form,
            accession: accession,
            maxBytes: maxBytes
        )
        return (document, filingChunker.chunker.chunks(of: document, filing: filing), settings)
    }
}
