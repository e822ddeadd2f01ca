import Foundation

extension CollectionSnapshot {
    /// Exact top-k over every live row of every source, merged: vector (cosine via `sgemv` on each
    /// source's matrix, in place for mapped segments), lexical (BM25 with statistics over all live
    /// rows) or hybrid (reciprocal rank fusion). Filters are applied before ranking, so the result
    /// holds exactly `min(k, matching rows)` hits.
    func search(_ request: SearchRequest) throws(StoreError) -> [SearchHit] {
        guard (1...SearchRequest.kMax).contains(request.k) else {
            throw StoreError(code: .badInput, message: "k must be in 1...\(SearchRequest.kMax), got \(request.k)")
        }
        let schema = info.schema
        var vectorField = 0
        var query: [Float]?
        if request.mode != .lexical {
            if let name = request.vectorField {
                guard let ordinal = schema.vectorOrdinal(of: name) else {
                    throw .violation(.unknownField, "the schema has no such vector field", field: name)
                }
                vectorField = ordinal
            }
            query = try checkQueryVector(request.vector, field: schema.vectors[vectorField])
        }
        if request.mode != .vector {
            if request.text?.isEmpty ?? true {
                throw StoreError(code: .badInput, message: "\(request.mode.rawValue) search needs the query text")
            }
            guard schema.textField != nil else {
                throw StoreError(
                    code: .badInput,
                    message: "\(request.mode.rawValue) search needs a text field; collection '\(info.name)' has none"
                )
            }
        }
        let filter = try CompiledFilter(request.filters, schema: schema)
        // Matching live rows, per source (local row numbers) and as global row numbers.
        var perSource: [[Int]] = []
        var candidates: [Int] = []
        for (index, source) in sources.enumerated() {
            var rows: [Int] = []
            for row in 0..<source.rowCount where isLive(index, row) && filter.matches(source, row) {
                rows.append(row)
            }
            candidates += rows.map { bases[index] + $0 }
            perSource.append(rows)
        }
        // Each ranking contributes its best rows to fusion; deeper than k so fusion can reorder.
        let depth = request.mode == .hybrid ? max(request.k * 5, 100) : request.k
        var vectorRanking: [(row: Int, score: Float)] = []
        var lexicalRanking: [(row: Int, score: Float)] = []
        if let query {
            vectorRanking = self.vectorRanking(query, field: vectorField, perSource: perSource, depth: depth)
        }
        if request.mode != .vector, let text = request.text {
            let scores = lexicalScores(text)
            lexicalRanking = RankFusion.ranked(candidates, scores: { scores[$0] }, limit: depth)
        }
        let ranking: [(row: Int, score: Float)]
        switch request.mode {
        case .vector: ranking = vectorRanking
        case .lexical: ranking = lexicalRanking
        case .hybrid:
            ranking = RankFusion.fuse(
                vectorRanking,
                weight: request.vectorWeight,
                lexicalRanking,
                weight: request.lexicalWeight,
                limit: request.k
            )
        }
        return ranking.map { entry in
            let (source, row) = location(entry.row)
            return SearchHit(document: sources[source].hitDocument(row, schema: schema), score: entry.score)
        }
    }

    /// The query vector, checked against its field (and L2-normalised for cosine).
    private func checkQueryVector(_ vector: [Float]?, field: VectorFieldDefinition) throws(StoreError) -> [Float] {
        guard let vector else { throw StoreError(code: .badInput, message: "vector search needs a query vector") }
        guard vector.count == field.dimension else {
            throw .violation(
                .wrongDimension,
                "query vector has \(vector.count) components, collection '\(info.name)' has \(field.dimension)",
                field: field.name
            )
        }
        guard vector.allSatisfy(\.isFinite) else {
            throw .violation(.nonFinite, "query vector has a component that is not finite", field: field.name)
        }
        guard field.metric == .cosine else { return vector }
        guard let normalised = CollectionSchema.normalised(vector) else {
            throw .violation(.nonFinite, "a zero query vector has no direction (cosine)", field: field.name)
        }
        return normalised
    }

    /// Okapi BM25 of every live row holding a query term, by global row.
    ///
    /// `Σ idf(t) · tf · (k1 + 1) / (tf + k1 · (1 − b + b · len / avgLen))` with
    /// `idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5))`; N, df and avgLen count live rows of every
    /// source, so the scores do not depend on how rows are split into segments.
    private func lexicalScores(_ text: String) -> [Int: Float] {
        let k1: Float = 1.2
        let b: Float = 0.75
        var result: [Int: Float] = [:]
        let documentCount = Float(liveCount)
        // Sorted, so the float sums run in one order and equal inputs give bit-equal scores.
        for term in Set(LexicalAnalyzer.terms(of: text).map(LexicalPostings.bounded)).sorted() {
            var frequency = 0
            for (index, source) in sources.enumerated() {
                for posting in source.lexical.postings[term] ?? [] where isLive(index, Int(posting.row)) {
                    frequency += 1
                }
            }
            guard frequency > 0 else { continue }
            let idf = log(1 + (documentCount - Float(frequency) + 0.5) / (Float(frequency) + 0.5))
            for (index, source) in sources.enumerated() {
                for posting in source.lexical.postings[term] ?? [] where isLive(index, Int(posting.row)) {
                    let row = Int(posting.row)
                    let tf = Float(posting.termFrequency)
                    let norm = k1 * (1 - b + b * Float(source.lexical.lengths[row]) / averageLength)
                    result[bases[index] + row, default: 0] += idf * tf * (k1 + 1) / (tf + norm)
                }
            }
        }
        return result
    }
}
