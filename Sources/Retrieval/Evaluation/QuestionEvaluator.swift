import Embedding
import SECDocuments
import VectorStore

/// Runs the questions of a question file against one collection with `FilingSearcher`.
public struct QuestionEvaluator: Sendable {
    public let store: LocalCollection
    public let schema: CollectionSchema
    public let k: Int
    public let mode: SearchMode
    public let ranking: FilingSearchRequest.Ranking
    public let searcher: FilingSearcher
    public let passageEmbedder: (any Embedder)?

    public init(
        store: LocalCollection,
        schema: CollectionSchema,
        k: Int,
        mode: SearchMode,
        ranking: FilingSearchRequest.Ranking,
        searcher: FilingSearcher = FilingSearcher(),
        passageEmbedder: (any Embedder)? = nil
    ) {
        self.passageEmbedder = passageEmbedder
        self.store = store
        self.schema = schema
        self.k = k
        self.mode = mode
        self.ranking = ranking
        self.searcher = searcher
    }

    /// Searches one question (with its filters when `withFilters`) and scores the hits.
    ///
    /// - Parameter vector: the question's embedding; required unless the mode is lexical.
    /// - Throws: `EvaluationError` for a filter the schema does not accept; the store's errors.
    public func outcome(
        _ question: EvaluationQuestion,
        vector: [Float]?,
        withFilters: Bool
    ) async throws -> QuestionOutcome {
        var filters: [MetadataFilter] = []
        if withFilters {
            for expression in question.filterExpressions {
                do {
                    filters.append(
                        try MetadataFilter(
                            parsing: expression,
                            schema: schema,
                            aliases: CollectionSchema.secFilterAliases
                        )
                    )
                } catch {
                    throw EvaluationError(code: .badInput, message: "question '\(question.id)': \(error)")
                }
            }
        }
        let request = FilingSearchRequest(
            question: question.question,
            vector: vector,
            k: k,
            filters: filters,
            mode: mode,
            ranking: ranking,
            passageEmbedder: passageEmbedder
        )
        let result = try await searcher.search(request, in: store)
        return QuestionOutcome(
            question: question,
            hits: result.hits.map(\.hit),
            interpretation: ranking == .aware ? result.interpretation : nil
        )
    }
}
