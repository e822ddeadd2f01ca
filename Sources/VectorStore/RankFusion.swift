/// Fuses the vector and lexical rankings of a hybrid search.
enum RankFusion {
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
        var scored = fused.map { (row: $0.key, score: $0.value) }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.row < $1.row }
        if scored.count > limit { scored.removeSubrange(limit...) }
        return scored
    }
}
