import Chunker

/// The chunker sizes chunks with the model's own WordPiece tokenizer (`tokenCount(_:)`: untruncated,
/// `[CLS]` and `[SEP]` included), so no chunk is longer than what the model reads.
extension MiniLMEmbedder: TokenCounter {}
