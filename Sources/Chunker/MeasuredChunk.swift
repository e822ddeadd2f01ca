import SECModel

/// A chunk as the chunker hands it to the embedder: the stored chunk, the exact text the model reads,
/// and how many tokens that is.
public struct MeasuredChunk: Hashable, Sendable {
    /// The chunk to store; `chunk.text` is exactly the cited span of the canonical text.
    public var chunk: Chunk
    /// What the embedder reads: the context line (filer, form, fiscal year, item), for a chunk that
    /// starts inside a table the table's caption and header rows (`repeatedCaption`,
    /// `repeatedHeader`), then `chunk.text`, separated by newlines.
    public var embeddingInput: String
    /// The caption of the table the chunk starts in (the headings and `…as follows:` sentence just
    /// before it, joined by spaces), repeated in `embeddingInput` when it is not in `chunk.text`.
    /// It is not part of `chunk.text`, whose span stays exact.
    public var repeatedCaption: String?
    /// The header rows (joined by newlines) of the table whose body the chunk starts in, repeated in
    /// `embeddingInput` when the chunk continues a split table. Not part of `chunk.text` either.
    public var repeatedHeader: String?
    /// Tokens of `embeddingInput` as the token counter counts them, special tokens included; at most
    /// the chunker's `maxTokens` unless a single word is longer than that.
    public var tokenCount: Int

    public init(
        chunk: Chunk,
        embeddingInput: String,
        repeatedCaption: String?,
        repeatedHeader: String?,
        tokenCount: Int
    ) {
        self.chunk = chunk
        self.embeddingInput = embeddingInput
        self.repeatedCaption = repeatedCaption
        self.repeatedHeader = repeatedHeader
        self.tokenCount = tokenCount
    }
}
