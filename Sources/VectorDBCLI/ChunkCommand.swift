import ArgumentParser
import Chunker
import Embedding
import FilingParser
import Foundation
import Pipeline
import SECDocuments
import SECModel

/// `vectordb chunk FILE`: the chunks a filing document is cut into, with their item, span and size
/// in the embedder's tokens, to check chunking by hand.
struct ChunkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chunk",
        abstract: "Parse a filing and print its chunks: id, item, span and tokens (or JSON with --json).",
        discussion: """
            Tokens are counted by the embedder's tokenizer (minilm reads .models/all-MiniLM-L6-v2; run \
            `make deps`), and include [CLS]/[SEP] and the context line the embedder reads before each chunk. \
            Filer, CIK and fiscal year come from the document's inline XBRL cover facts when it has them; the \
            accession number from --accession or the file's name or folder.
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
        let (document, filing) = try ChunkFilingMetadata.load(
            file: file,
            form: form,
            accession: accession,
            maxBytes: limit
        )
        let chunker = try ChunkerSetup.make(
            provider: provider,
            modelDir: modelDir,
            maxTokens: maxTokens,
            overlapTokens: overlapTokens
        )
        let chunks = chunker.chunks(of: document, filing: filing)
        if json {
            let output = ChunkJSON(
                maxTokens: maxTokens,
                overlapTokens: overlapTokens,
                tokenizer: provider == .minilm ? "minilm" : "approximate",
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
            let header = measured.repeatedHeader == nil ? "" : "\t[table header repeated]"
            Terminal.write(
                "\(measured.chunk.id)\t\(citation.item)\t\(citation.charStart)-\(citation.charEnd)\t"
                    + "\(measured.tokenCount) tokens\t\(preview)\(header)"
            )
        }
        let largest = chunks.map(\.tokenCount).max() ?? 0
        Terminal.write(
            "\(chunks.count) chunks in \(document.sections.count) sections; largest \(largest) tokens "
                + "(limit \(maxTokens), \(provider == .minilm ? "MiniLM WordPiece" : "approximate") count)"
        )
    }
}
