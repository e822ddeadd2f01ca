import VectorStore

/// A hit of `FilingSearcher` with how it was ranked.
public struct RankedHit: Sendable, Hashable {
    /// The document, its `score` the final one (fusion × factors).
    public var hit: SearchHit
    /// 1-based rank among the vector candidates, `nil` when not among them.
    public var vectorRank: Int?
    /// 1-based rank among the lexical candidates.
    public var lexicalRank: Int?
    /// The reciprocal-rank fusion before factors.
    public var fused: Float
    /// The factors applied (`filer`, `form`, `year`, `section`, `boilerplate:cover`, `title`) with their value.
    public var factors: [String: Float]
    /// The boilerplate kind the passage was classified as, if any.
    public var boilerplate: BoilerplateKind?
}

/// What `FilingSearcher.search` returns.
public struct FilingSearchResult: Sendable {
    public var hits: [RankedHit]
    public var interpretation: QuestionInterpretation
    /// The store's plan of each candidate search, in order.
    public var plans: [SearchPlan]
}
