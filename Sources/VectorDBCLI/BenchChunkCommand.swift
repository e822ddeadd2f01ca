import ArgumentParser
import Chunker
import FilingParser
import Foundation
import Pipeline
import SECModel

/// `vectordb bench chunk FILE`: chunker throughput in MB of canonical text per second. The document
/// is parsed once; each round chunks it whole, token counting included (MiniLM's WordPiece by
/// default), and the fastest and median rounds are reported.
struct BenchChunkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chunk",
        abstract: "Measure chunker throughput (MB of canonical text per second) on one filing.",
        discussion: "MB are 10^6 bytes of the canonical text's UTF-8. Parsing is not timed."
    )

    @Argument(help: "The filing document (.htm, .html).") var file: String
    @Option(help: "Timed rounds; the fastest and the median are reported.") var rounds = 5
    @Option(help: "Whose tokens to count: minilm (WordPiece) or hashing (an estimate).")
    var provider: EmbedCommand.Provider = .minilm
    @Option(help: ArgumentHelp("Model directory for minilm.", valueName: "dir")) var modelDir: String?
    @Option(help: "Most tokens per chunk.") var maxTokens = SectionChunker.maxTokensDefault
    @Option(help: "Most tokens shared by consecutive chunks of a paragraph.")
    var overlapTokens = SectionChunker.overlapTokensDefault

    func run() throws {
        guard rounds >= 1 else { throw ValidationError("--rounds must be at least 1") }
        let (document, filing) = try ChunkFilingMetadata.load(
            bytes: try InputFile.read(file, maxBytes: HTMLFilingParser().maxInputBytes),
            file: file,
            form: nil,
            accession: nil,
            maxBytes: HTMLFilingParser().maxInputBytes
        )
        let chunker = try FilingChunker(
            maxTokens: maxTokens,
            overlapTokens: overlapTokens,
            embedder: provider.tokenEmbedder(modelDir: modelDir)
        ).chunker
        let clock = ContinuousClock()
        var seconds: [Double] = []
        var chunkCount = 0
        for _ in 0..<rounds {
            var chunks: [MeasuredChunk] = []
            let elapsed = clock.measure { chunks = chunker.chunks(of: document, filing: filing) }
            chunkCount = chunks.count
            seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        seconds.sort()
        let megabytes = Double(document.canonicalText.utf8.count) / 1e6
        let best = megabytes / seconds[0]
        let median = megabytes / seconds[seconds.count / 2]
        Terminal.write(
            "chunk \(URL(fileURLWithPath: file).lastPathComponent): \(String(format: "%.2f", megabytes)) MB canonical "
                + "text (\(document.scalarCount) scalars), \(document.sections.count) sections, \(chunkCount) chunks; "
                + "\(provider == .minilm ? "minilm" : "approximate") tokens; best \(String(format: "%.2f", best)) MB/s, "
                + "median \(String(format: "%.2f", median)) MB/s over \(rounds) rounds"
        )
    }
}
