import Chunker
import SECDocuments

/// `vectordb chunk --json`: the chunking settings and every chunk, for scripts and tests.
struct ChunkJSON: Encodable {
    var schemaVersion = 1
    var maxTokens: Int
    var overlapTokens: Int
    /// `minilm` (the model's WordPiece) or `approximate` (`ApproximateTokenCounter`).
    var tokenizer: String
    /// Length of the canonical text in Unicode scalars.
    var characters: Int
    var chunks: [Entry]

    struct Entry: Encodable {
        var id: String
        var item: String
        var title: String
        /// `[charStart, charEnd)` in the canonical text, in Unicode scalars; `text` is exactly that span.
        var charStart: Int
        var charEnd: Int
        /// Tokens of `embeddingInput`, special tokens included.
        var tokens: Int
        /// SHA-256 of `text`.
        var contentHash: String
        var text: String
        var embeddingInput: String
        /// The table caption and header rows repeated in `embeddingInput` (absent when none).
        var repeatedCaption: String?
        var repeatedHeader: String?

        init(_ measured: MeasuredChunk) {
            let citation = measured.chunk.citation
            id = measured.chunk.id
            item = citation.item
            title = citation.itemTitle
            charStart = citation.charStart
            charEnd = citation.charEnd
            tokens = measured.tokenCount
            contentHash = measured.chunk.contentHash
            text = measured.chunk.text
            embeddingInput = measured.embeddingInput
            repeatedCaption = measured.repeatedCaption
            repeatedHeader = measured.repeatedHeader
        }
    }
}
