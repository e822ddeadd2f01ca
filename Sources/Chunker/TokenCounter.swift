/// Counts tokens the way an embedding model does, so chunks can be sized in the model's own units.
///
/// The chunker needs nothing else from the model, which is why this protocol lives here and not in
/// `Embedding`: a stage imports only stages before it, and the embedder comes after the chunker.
/// `MiniLMEmbedder` conforms (its WordPiece tokenizer); `ApproximateTokenCounter` serves models whose
/// tokenizer is not available locally.
///
/// Contract: `tokenCount` counts the whole input as the model reads it, special tokens included
/// (`[CLS]` and `[SEP]` for BERT), without truncation. The chunker assumes counts are close to
/// additive over whitespace-separated words — exact for WordPiece — and checks every finished chunk
/// with one real count, so a tokenizer for which that is only approximately true still never gets a
/// chunk over its limit.
public protocol TokenCounter: Sendable {
    /// Tokens of `text` as the model reads it, special tokens included, untruncated.
    func tokenCount(_ text: String) -> Int
}
