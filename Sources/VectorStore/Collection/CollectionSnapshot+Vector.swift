import HNSW

extension CollectionSnapshot {
    /// A source's matching rows are searched through its HNSW graph only when they are at least
    /// this fraction of its rows (a broad filter); selective filters scan the matching rows exactly.
    static let graphMatchFractionMin = 0.25

    /// The best `depth` matching rows of vector field `field` by its metric's score (cosine rows are
    /// L2-normalised, so cosine and dot are a dot product; l2 scores are negated squared distances),
    /// merged over every source. A source with a graph and a broad filter is searched
    /// through the graph, over-fetching by the inverse of the match fraction and dropping rows that
    /// do not match; when that leaves fewer than `min(depth, matches)` rows, the source is scanned
    /// exactly instead — so the result always holds `min(depth, all matches)` rows.
    func vectorRanking(
        _ query: [Float],
        field: Int = 0,
        perSource: [[Int]],
        depth: Int
    ) -> [(row: Int, score: Float)] {
        let dimension = info.schema.vectors[field].dimension
        let isL2 = info.schema.vectors[field].metric == .l2
        var merged: [(row: Int, score: Float)] = []
        for (index, source) in sources.enumerated() {
            let rows = perSource[index]
            guard !rows.isEmpty else { continue }
            if field == 0, let graph = source.graph,
                let hits = graphRanking(graph, source: source, rows: rows, query, depth)
            {
                merged += hits.map { (bases[index] + $0.row, $0.score) }
                continue
            }
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
            merged += RankFusion.ranked(rows, scores: { scores[$0] }, limit: depth).map {
                (bases[index] + $0.row, $0.score)
            }
        }
        merged.sort { $0.score != $1.score ? $0.score > $1.score : $0.row < $1.row }
        if merged.count > depth { merged.removeSubrange(depth...) }
        return merged
    }

    /// The best `min(depth, rows.count)` of `rows` through the graph, or `nil` when the filter is
    /// too selective for the graph or the graph did not reach enough matching rows.
    private func graphRanking(
        _ graph: HNSWIndex,
        source: SearchSource,
        rows: [Int],
        _ query: [Float],
        _ depth: Int
    ) -> [(row: Int, score: Float)]? {
        let fraction = Double(rows.count) / Double(source.rowCount)
        guard fraction >= Self.graphMatchFractionMin, rows.count > depth else { return nil }
        var matches = [Bool](repeating: false, count: source.rowCount)
        for row in rows { matches[row] = true }
        let wanted = min(source.rowCount, Int(Double(depth) / fraction * 1.5) + 16)
        guard let neighbors = try? graph.search(query, k: wanted, ef: max(wanted, graph.parameters.efSearch)) else {
            return nil
        }
        var hits: [(row: Int, score: Float)] = []
        for neighbor in neighbors where matches[Int(neighbor.id)] {
            hits.append((Int(neighbor.id), -neighbor.distance))
            if hits.count == depth { return hits }
        }
        return nil
    }
}
