import Foundation

extension CollectionSnapshot {
    /// BM25 parameters (Okapi defaults).
    static let bm25K1: Float = 1.2
    static let bm25B: Float = 0.75

    /// The best `depth` matching rows by Okapi BM25 over the text field, merged over every source.
    ///
    /// `Σ idf(t) · tf · (k1 + 1) / (tf + k1 · (1 − b + b · len / avgLen))` with
    /// `idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5))`; N, df and avgLen count live rows of every
    /// source, so the scores do not depend on how rows are split into segments. Each source is
    /// ranked by WAND over its posting lists (rows whose score cannot reach the current k-th are
    /// skipped), reading only rows in `matching` (filter ∧ live; `live` per source for the
    /// statistics); only rows holding a query term are ranked. Each source's lists of the query
    /// terms are read once (a segment reads just those lists from its mapping) and serve both the
    /// statistics and the walk. Term contributions add in term order, so equal inputs give
    /// bit-equal scores.
    func lexicalRanking(
        _ text: String,
        live: [RowBitmap],
        matching: [RowBitmap],
        depth: Int,
        plan: inout SearchPlan
    ) -> [(row: Int, score: Float)] {
        let terms = Set(
            LexicalAnalyzer.terms(of: text, analyzer: info.schema.textAnalyzer).map(LexicalPostings.bounded)
        ).sorted()
        guard !terms.isEmpty else { return [] }
        // Statistics over the live rows of every source, and each term's best contribution per
        // source (the WAND upper bound, before idf).
        var frequencies = [Int](repeating: 0, count: terms.count)
        var bounds = [[Float]](repeating: [Float](repeating: 0, count: terms.count), count: sources.count)
        let averageLength = self.averageLength
        let lexicals = sources.map(\.lexical)
        let lists = sources.map { source in terms.map { source.postings(for: $0) } }
        for (index, lexical) in lexicals.enumerated() {
            lexical.withLengths { lengths in
                for (position, list) in lists[index].enumerated() {
                    var best: Float = 0
                    for posting in list where live[index].contains(Int(posting.row)) {
                        frequencies[position] += 1
                        best = max(best, Self.termWeight(posting, lengths, averageLength: averageLength))
                    }
                    bounds[index][position] = best
                }
            }
        }
        let documentCount = Float(liveCount)
        let idfs = frequencies.map { frequency -> Float in
            frequency == 0 ? 0 : log(1 + (documentCount - Float(frequency) + 0.5) / (Float(frequency) + 0.5))
        }
        var merged: [(row: Int, score: Float)] = []
        for index in sources.indices where plan.sources[index].matchingRows > 0 {
            var walk = WANDWalk(
                lists: lists[index],
                idfs: idfs,
                bounds: bounds[index],
                matching: matching[index],
                depth: depth
            )
            let ranked = lexicals[index].withLengths { lengths in
                walk.run { posting in Self.termWeight(posting, lengths, averageLength: averageLength) }
            }
            plan.sources[index].postingsRead += walk.postingsRead
            plan.sources[index].lexicalRowsScored += walk.rowsScored
            merged += ranked.map { (bases[index] + $0.row, $0.score) }
        }
        merged.sort { $0.score != $1.score ? $0.score > $1.score : $0.row < $1.row }
        if merged.count > depth { merged.removeSubrange(depth...) }
        return merged
    }

    /// `tf · (k1 + 1) / (tf + k1 · (1 − b + b · len / avgLen))` of one posting (BM25 without idf).
    @inline(__always)
    private static func termWeight(
        _ posting: LexicalPostings.Posting,
        _ lengths: UnsafeBufferPointer<UInt32>,
        averageLength: Float
    ) -> Float {
        let tf = Float(posting.termFrequency)
        let norm = bm25K1 * (1 - bm25B + bm25B * Float(lengths[Int(posting.row)]) / averageLength)
        return tf * (bm25K1 + 1) / (tf + norm)
    }
}
