import HNSW

extension CollectionSnapshot {
    /// The planner's switch point: a source with a graph is scored exactly while at most
    /// `exactMatchRowsMax` of its rows, or less than `exactMatchFractionMax` of them, match
    /// (filter ∧ live), and searched by filtered HNSW traversal otherwise. Measured
    /// (docs/hnsw.md, "Filtered search: the switch point"): exact scoring costs ∝ the matching
    /// rows, a traversal ∝ log n but grows steeply below ~2 % matching (it walks most of the graph
    /// to find k matching nodes); exact stays cheaper up to ~20,000–30,000 matching rows.
    static let exactMatchFractionMax = 0.02
    static let exactMatchRowsMax = 20_000
    /// The beam of a filtered traversal widens by `1 / sqrt(fraction matching)`, at most this factor.
    static let beamWideningMax = 8.0
    /// Graphs of more rows than this search with a beam `sqrt(rows / graphBeamRows)` times wider:
    /// recall at a fixed beam falls as the graph grows (efSearch 64 gives recall@10 0.99 on 100k
    /// rows, 0.93 on 1M).
    static let graphBeamRows = 250_000.0

    /// The best `depth` matching rows of vector field `field` by its metric's score (cosine rows are
    /// L2-normalised, so cosine and dot are a dot product; l2 scores are negated squared distances),
    /// merged over every source. Per source the planner scores the matching rows exactly when few
    /// match (or the source has no graph), else traverses the graph, walking through non-matching
    /// nodes but returning only matching ones; when the traversal finds fewer than
    /// `min(depth, matches)` rows the matching rows are scored exactly — so the result always holds
    /// `min(depth, all matches)` rows. An unfiltered query over a source with a graph touches only
    /// the nodes the traversal visits.
    func vectorRanking(
        _ query: [Float],
        field: Int = 0,
        matching: [RowBitmap],
        depth: Int,
        strategy: SearchStrategy = .auto,
        plan: inout SearchPlan
    ) -> [(row: Int, score: Float)] {
        var merged: [(row: Int, score: Float)] = []
        for (index, source) in sources.enumerated() {
            let rows = matching[index]
            let count = plan.sources[index].matchingRows
            guard count > 0 else { continue }
            var hits: [(row: Int, score: Float)]?
            let fraction = Double(count) / Double(max(source.rowCount, 1))
            let prefersGraph =
                switch strategy {
                case .auto: count > Self.exactMatchRowsMax && fraction >= Self.exactMatchFractionMax
                case .exact: false
                case .graph: true
                }
            if field == 0, let graph = source.graph, prefersGraph {
                plan.sources[index].vectorStrategy = .graph
                hits = graphRanking(
                    graph,
                    rows: rows,
                    count: count,
                    fraction: fraction,
                    query,
                    depth,
                    &plan.sources[index]
                )
                if hits == nil { plan.sources[index].vectorStrategy = .graphThenExact }
            } else {
                plan.sources[index].vectorStrategy = .exact
            }
            let ranked = hits ?? exactRanking(source, field: field, rows: rows, count: count, query, depth)
            if hits == nil { plan.sources[index].rowsScored += count }
            merged += ranked.map { (bases[index] + $0.row, $0.score) }
        }
        merged.sort { $0.score != $1.score ? $0.score > $1.score : $0.row < $1.row }
        if merged.count > depth { merged.removeSubrange(depth...) }
        return merged
    }

    /// The best `depth` of `rows` (`count` of them) by exact score: one SIMD kernel call per matching row, over the
    /// vectors in place (mapped segments are not copied).
    private func exactRanking(
        _ source: SearchSource,
        field: Int,
        rows: RowBitmap,
        count: Int,
        _ query: [Float],
        _ depth: Int
    ) -> [(row: Int, score: Float)] {
        let dimension = source.dimensions[field]
        let isL2 = info.schema.vectors[field].metric == .l2
        var best = TopK(capacity: depth)
        if count * 2 >= source.rowCount {
            // Most rows match: one matrix-vector product over the whole matrix (BLAS) beats a
            // kernel call per row.
            let scores = source.withVectors(field: field) { matrix in
                isL2
                    ? ExactScorer.negatedSquaredDistances(
                        matrix: matrix,
                        rows: source.rowCount,
                        dimension: dimension,
                        query: query
                    )
                    : ExactScorer.dotProducts(matrix: matrix, rows: source.rowCount, dimension: dimension, query: query)
            }
            rows.forEachRow { best.offer(row: $0, score: scores[$0]) }
            return best.sorted()
        }
        source.withVectors(field: field) { matrix in
            query.withUnsafeBufferPointer { queryBuffer in
                guard let base = matrix.baseAddress, let queryBase = queryBuffer.baseAddress else { return }
                rows.forEachRow { row in
                    let vector = base + row * dimension
                    let score =
                        isL2
                        ? -DistanceKernels.l2Squared(vector, queryBase, count: dimension)
                        : DistanceKernels.dot(vector, queryBase, count: dimension)
                    best.offer(row: row, score: score)
                }
            }
        }
        return best.sorted()
    }

    /// The best `min(depth, count)` matching rows through the graph: a filtered traversal whose
    /// beam widens as the filter gets more selective; `nil` when it reached fewer matching rows.
    private func graphRanking(
        _ graph: HNSWIndex,
        rows: RowBitmap,
        count: Int,
        fraction: Double,
        _ query: [Float],
        _ depth: Int,
        _ sourcePlan: inout SearchPlan.Source
    ) -> [(row: Int, score: Float)]? {
        let wanted = min(depth, count)
        let widening = min(Self.beamWideningMax, 1 / fraction.squareRoot())
        let growth = max(1, (Double(graph.count) / Self.graphBeamRows).squareRoot())
        let ef = Int(Double(max(graph.parameters.efSearch, wanted)) * widening * growth)
        var visited = 0
        let neighbors = try? graph.search(query, k: wanted, ef: ef, visited: &visited) { rows.contains(Int($0)) }
        sourcePlan.graphNodesVisited += visited
        guard let neighbors, neighbors.count >= wanted else { return nil }
        return neighbors.map { (Int($0.id), -$0.distance) }
    }
}
