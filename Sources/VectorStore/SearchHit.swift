/// One search result.
public struct SearchHit: Sendable, Hashable {
    /// The document's fields (vectors are not returned).
    public var document: Document
    /// Higher is better. Vector mode: cosine similarity in `-1...1` (dot product for `dot` fields,
    /// negated squared distance for `l2`); lexical: the BM25 score; hybrid: the reciprocal-rank-fusion score.
    public var score: Float

    public init(document: Document, score: Float) {
        self.document = document
        self.score = score
    }

    /// The primary key.
    public var id: String { document.id }
}
