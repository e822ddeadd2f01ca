/// Turns text into fixed-length vectors for similarity search.
///
/// Implementations are `Sendable` and may be called from many tasks. Returned vectors have exactly
/// `dimension` finite components, one vector per input, in input order.
public protocol Embedder: Sendable {
    /// A stable id of the model and its settings (part of the embedding cache key).
    var modelID: String { get }
    /// Components per vector.
    var dimension: Int { get }
    /// Longest input the model reads, in its own tokens; longer input is truncated.
    var maxInputTokens: Int { get }
    /// Preferred number of inputs per call.
    var batchSize: Int { get }

    /// Embeds passages to be stored.
    func embed(documents: [String]) async throws(EmbeddingError) -> [[Float]]
    /// Embeds search queries (some models prefix queries differently from documents).
    func embed(queries: [String]) async throws(EmbeddingError) -> [[Float]]
}
