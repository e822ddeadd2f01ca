import Embedding
import VectorStore

/// A question to `FilingSearcher`.
public struct FilingSearchRequest: Sendable {
    /// How hits are ranked.
    public enum Ranking: String, Sendable, CaseIterable {
        /// Question understanding, boilerplate priors and section-title matches over the store's
        /// vector and lexical candidates (the default).
        case aware
        /// The store's own ranking (reciprocal-rank fusion of BM25 and vectors), nothing else.
        case plain
    }

    public var question: String
    /// The question's embedding; required unless `mode` is `lexical`.
    public var vector: [Float]?
    /// Hits wanted, `1...SearchRequest.kMax`.
    public var k: Int
    /// The caller's hard filters (AND).
    public var filters: [MetadataFilter]
    public var mode: SearchMode
    public var asOf: VersionSelector?
    public var ranking: Ranking
    /// The collection's embedder, for the sentence re-ranking of the best candidates (aware
    /// ranking with a `vector` only); `nil` skips that stage.
    public var passageEmbedder: (any Embedder)?

    public init(
        question: String,
        vector: [Float]?,
        k: Int,
        filters: [MetadataFilter] = [],
        mode: SearchMode = .hybrid,
        asOf: VersionSelector? = nil,
        ranking: Ranking = .aware,
        passageEmbedder: (any Embedder)? = nil
    ) {
        self.question = question
        self.vector = vector
        self.k = k
        self.filters = filters
        self.mode = mode
        self.asOf = asOf
        self.ranking = ranking
        self.passageEmbedder = passageEmbedder
    }
}
