/// Ranks rows for the three search modes from per-row scores.
enum RankFusion {
    /// Rows of `candidates` by descending score, ties by row; rows missing from `scores` are skipped.
    static func ranked(_ candidates: [Int], scores: (Int) -> Float?, limit: Int) -> [(row: Int, score: Float)] {
        var scored: [(row: Int, score: Float)] = []
        scored.reserveCapacity(candidates.count)
        for row in candidates {
            if let score = scores(row) { scored.append((row, score)) }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.row < $1.row }
        if scored.count > limit { scored.removeSubrange(limit...) }
        return scored
    }

    /// Reciprocal rank fusion of two rankings: each row scores `weight / (offset + rank)` (rank from 1)
    /// in every ranking it appears in.
    static func fuse(
        _ first: [(row: Int, score: Float)],
        weight firstWeight: Float,
        _ second: [(row: Int, score: Float)],
        weight secondWeight: Float,
        limit: Int
    ) -> [(row: Int, score: Float)] {
        var fused: [Int: Float] = [:]
        for (rank, entry) in first.enumerated() {
            fused[entry.row, default: 0] += firstWeight / (SearchRequest.fusionRankOffset + Float(rank + 1))
        }
        for (rank, entry) in second.enumerated() {
            fused[entry.row, default: 0] += secondWeight / (SearchRequest.fusionRankOffset + Float(rank + 1))
        }
        return ranked(Array(fused.keys), scores: { fused[$0] }, limit: limit)
    }
}
