import Foundation

extension CollectionSnapshot {
    /// Top-k over the live rows of every source matching the filter, merged: vector (cosine, dot
    /// or l2 through the planner of `+Vector`), lexical (BM25 top-k from posting lists, `+Lexical`)
    /// or hybrid (reciprocal rank fusion of the two). Filters are applied before ranking, so the
    /// result holds exactly `min(k, matching rows)` hits.
    func search(_ request: SearchRequest) throws(StoreError) -> [SearchHit] {
        try searchExplained(request).hits
    }

    /// `search` with the plan it followed (`vectordb search --explain`).
    func searchExplained(_ request: SearchRequest) throws(StoreError) -> ExplainedSearch {
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
        // Matching live rows of each source: filter ∧ live, from the filter indexes.
        var matching: [RowBitmap] = []
        var liveBitmaps: [RowBitmap] = []
        var plan = SearchPlan(mode: request.mode, k: request.k, sources: [])
        for (index, source) in sources.enumerated() {
            let live = liveRows(index)
            liveBitmaps.append(live)
            var conditions: [SearchPlan.Condition] = []
            let rows = filter.rows(source, within: live, conditions: &conditions)
            matching.append(rows)
            let isSegment = if case .mapped = source.vectors[0] { true } else { false }
            plan.sources.append(
                SearchPlan.Source(
                    kind: isSegment ? "segment" : "memtable",
                    rows: source.rowCount,
                    liveRows: live.cardinality,
                    matchingRows: rows.cardinality,
                    conditions: conditions,
                    vectorStrategy: nil,
                    rowsScored: 0,
                    graphNodesVisited: 0,
                    postingsRead: 0,
                    lexicalRowsScored: 0
                )
            )
        }
        // Each ranking contributes its best rows to fusion; deeper than k so fusion can reorder.
        let depth = request.mode == .hybrid ? max(request.k * 5, 100) : request.k
        var vectorRanking: [(row: Int, score: Float)] = []
        var lexicalRanking: [(row: Int, score: Float)] = []
        if let query {
            vectorRanking = self.vectorRanking(
                query,
                field: vectorField,
                matching: matching,
                depth: depth,
                strategy: request.strategy,
                plan: &plan
            )
        }
        if request.mode != .vector, let text = request.text {
            lexicalRanking = self.lexicalRanking(text, live: liveBitmaps, matching: matching, depth: depth, plan: &plan)
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
        let hits = ranking.map { entry in
            let (source, row) = location(entry.row)
            return SearchHit(document: sources[source].hitDocument(row, schema: schema), score: entry.score)
        }
        return ExplainedSearch(hits: hits, plan: plan)
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
}
