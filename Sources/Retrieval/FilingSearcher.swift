import Embedding
import SECDocuments
import SECModel
import VectorStore

/// Searches a collection of SEC filing chunks for the passages that answer a question: the ranking
/// `vectordb search`, `vectordb eval` and the query service share.
///
/// It reads the question (`QuestionInterpreter`, over the collection's own filer names and
/// tickers), takes vector and lexical candidates from the store under the caller's filters, and
/// — when the question names filers — from those filers as well (a soft preference, never a
/// filter: other filers' hits stay in the ranking, lowered). Candidates are fused by reciprocal
/// rank and multiplied by the factors of `RankingWeights`.
public struct FilingSearcher: Sendable {
    public var weights: RankingWeights
    /// Rows of the SEC's `company_tickers.json`, when the caller has one: more names and tickers
    /// for the collection's own filers (`FilerVocabulary.add(tickerFile:)`).
    public var knownFilers: [FilerVocabulary.KnownFiler]

    public init(weights: RankingWeights = .default, knownFilers: [FilerVocabulary.KnownFiler] = []) {
        self.weights = weights
        self.knownFilers = knownFilers
    }

    public func search(
        _ request: FilingSearchRequest,
        in collection: LocalCollection
    ) async throws(StoreError) -> FilingSearchResult {
        if request.ranking == .plain {
            var store = SearchRequest(
                vector: request.vector,
                text: request.question,
                k: request.k,
                filters: request.filters,
                mode: request.mode
            )
            store.asOf = request.asOf
            let explained = try await collection.searchExplained(store)
            let hits = explained.hits.map {
                RankedHit(hit: $0, vectorRank: nil, lexicalRank: nil, fused: $0.score, factors: [:], boilerplate: nil)
            }
            return FilingSearchResult(hits: hits, interpretation: QuestionInterpretation(), plans: [explained.plan])
        }
        let interpretation = QuestionInterpreter(vocabulary: try await vocabulary(of: collection))
            .interpret(request.question)
        var pools = [request.filters]
        if let filer = filerFilter(interpretation, schema: await collection.info.schema) {
            pools.append(request.filters + [filer])
        }
        let depth = max(weights.candidateDepth, request.k * 3)
        var vectorHits: [String: SearchHit] = [:]
        var lexicalHits: [String: SearchHit] = [:]
        var questionHits: [String: SearchHit] = [:]
        var plans: [SearchPlan] = []
        for (pool, filters) in pools.enumerated() {
            if request.mode != .lexical {
                var store = SearchRequest(vector: request.vector, text: nil, k: depth, filters: filters, mode: .vector)
                store.asOf = request.asOf
                let explained = try await collection.searchExplained(store)
                plans.append(explained.plan)
                for hit in explained.hits { vectorHits[hit.id] = hit }
            }
            if request.mode != .vector {
                var store = SearchRequest(
                    vector: nil,
                    text: interpretation.lexicalQuery.isEmpty ? request.question : interpretation.lexicalQuery,
                    k: depth,
                    filters: filters,
                    mode: .lexical
                )
                store.asOf = request.asOf
                let explained = try await collection.searchExplained(store)
                plans.append(explained.plan)
                for hit in explained.hits { lexicalHits[hit.id] = hit }
            }
            // The whole question names the filer itself: the filer pool adds nothing to it.
            if request.mode != .vector, weights.questionLexical > 0, pool == 0,
                !interpretation.lexicalQuery.isEmpty, interpretation.lexicalQuery != request.question
            {
                var store = SearchRequest(
                    vector: nil,
                    text: request.question,
                    k: depth,
                    filters: filters,
                    mode: .lexical
                )
                store.asOf = request.asOf
                let explained = try await collection.searchExplained(store)
                plans.append(explained.plan)
                for hit in explained.hits { questionHits[hit.id] = hit }
            }
        }
        var ranked = rank(
            vectorHits: vectorHits,
            lexicalHits: lexicalHits,
            questionHits: questionHits,
            interpretation: interpretation
        )
        if let embedder = request.passageEmbedder, let vector = request.vector, weights.sentence > 0 {
            ranked = try await rerank(ranked, question: vector, embedder: embedder)
        }
        return FilingSearchResult(hits: Array(ranked.prefix(request.k)), interpretation: interpretation, plans: plans)
    }

    /// Re-scores the best `rerankDepth` hits: `score / top score + sentence × (best passage
    /// cosine, min-max scaled over them)`; the rest keep their order below.
    func rerank(
        _ ranked: [RankedHit],
        question: [Float],
        embedder: any Embedder
    ) async throws(StoreError) -> [RankedHit] {
        let head = Array(ranked.prefix(weights.rerankDepth))
        guard head.count > 1 else { return ranked }
        let similarities: [Float]
        do {
            similarities = try await SentenceReranker(embedder: embedder, passagesPerChunk: weights.passagesPerChunk)
                .bestSimilarity(
                    question: question,
                    texts: head.map { $0.hit.document.fields["text"]?.stringValue ?? "" }
                )
        } catch {
            throw StoreError(code: .io, message: "sentence re-ranking: \(error)")
        }
        let top = max(head[0].hit.score, .ulpOfOne)
        let low = similarities.min() ?? 0
        let span = max((similarities.max() ?? 0) - low, .ulpOfOne)
        var rescored = zip(head, similarities).map { ranked, similarity -> RankedHit in
            var ranked = ranked
            let sentence = (similarity - low) / span
            ranked.factors["sentence"] = sentence
            ranked.hit.score = ranked.hit.score / top + weights.sentence * sentence
            return ranked
        }
        rescored.sort { $0.hit.score != $1.hit.score ? $0.hit.score > $1.hit.score : $0.hit.id < $1.hit.id }
        let floor = rescored.last?.hit.score ?? 0
        let tail = ranked.dropFirst(head.count).map { ranked -> RankedHit in
            var ranked = ranked
            ranked.hit.score = min(ranked.hit.score / top, floor)
            return ranked
        }
        return rescored + tail
    }

    /// The filer names and tickers of the collection (from the `company` and `tickers` filter
    /// indexes; empty for a schema without them), with `knownFilers`' rows about them.
    func vocabulary(of collection: LocalCollection) async throws(StoreError) -> FilerVocabulary {
        let snapshot = await collection.readSnapshot()
        let schema = snapshot.info.schema
        let companies = schema.ordinal(of: "company") == nil ? [] : try snapshot.distinctValues(of: "company")
        let tickers = schema.ordinal(of: "tickers") == nil ? [] : try snapshot.distinctValues(of: "tickers")
        var vocabulary = FilerVocabulary(companies: companies, tickers: tickers)
        if !knownFilers.isEmpty { vocabulary.add(tickerFile: knownFilers) }
        return vocabulary
    }

    /// `company = A|B OR tickers = t OR cik = n` for the filers the question names.
    func filerFilter(_ interpretation: QuestionInterpretation, schema: CollectionSchema) -> MetadataFilter? {
        var alternatives: [MetadataFilter] = []
        let companies = interpretation.filers.map(\.company).filter { !$0.isEmpty }
        if !companies.isEmpty, schema.ordinal(of: "company") != nil {
            alternatives.append(.oneOf(field: "company", companies.map { .string($0) }))
        }
        let tickers = interpretation.filers.compactMap(\.ticker)
        if !tickers.isEmpty, schema.ordinal(of: "tickers") != nil {
            alternatives.append(.oneOf(field: "tickers", tickers.map { .string($0) }))
        }
        let ciks = interpretation.filers.compactMap(\.cik)
        if !ciks.isEmpty, schema.ordinal(of: "cik") != nil {
            alternatives.append(.oneOf(field: "cik", ciks.map { .int64($0) }))
        }
        switch alternatives.count {
        case 0: return nil
        case 1: return alternatives[0]
        default: return .or(alternatives)
        }
    }
}
