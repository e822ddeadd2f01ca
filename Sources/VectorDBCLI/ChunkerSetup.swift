import Chunker
import Foundation
import Pipeline

/// The chunker `vectordb chunk` and `vectordb bench chunk` build: sized in MiniLM's WordPiece tokens
/// (`minilm`) or in the approximate count the lexical provider uses (`hashing`).
enum ChunkerSetup {
    /// - Throws: `CLIFailure` for a missing or broken model directory, or bad token limits.
    static func make(
        provider: EmbedCommand.Provider,
        modelDir: String?,
        maxTokens: Int,
        overlapTokens: Int
    ) throws -> SectionChunker {
        do {
            let counter: any TokenCounter =
                provider == .minilm
                ? try EmbedderFactory.miniLM(directory: modelDir.map { URL(fileURLWithPath: $0) })
                : ApproximateTokenCounter()
            return try SectionChunker(maxTokens: maxTokens, overlapTokens: overlapTokens, counter: counter)
        } catch {
            throw CLIFailure(error)
        }
    }
}
