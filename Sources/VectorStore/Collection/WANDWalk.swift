/// Top-k BM25 over one source's posting lists by WAND (Broder et al., 2003): cursors over the
/// query terms' postings, kept in row order; the pivot is the first row at which the sum of the
/// terms' upper bounds could beat the current k-th score. Rows before it are skipped without
/// scoring, as are rows outside `matching` (the filter and liveness, applied during the walk).
struct WANDWalk {
    private struct Cursor {
        /// Position of the term in the query's sorted terms (the order contributions add in).
        let term: Int
        let postings: [LexicalPostings.Posting]
        let idf: Float
        /// `idf ×` the term's largest contribution in the source.
        let bound: Float
        var position = 0

        var row: Int { Int(postings[position].row) }
        var isDone: Bool { position >= postings.count }
    }

    /// Relative slack on the upper bounds, so a float rounding difference between a bound sum and
    /// a score never skips a row that belongs in the top k.
    static let boundSlack: Float = 1e-5

    private var cursors: [Cursor] = []
    private let matching: RowBitmap
    private let depth: Int
    private(set) var postingsRead = 0
    private(set) var rowsScored = 0

    /// - Parameters:
    ///   - lists: the posting list of each query term (sorted terms), in row order.
    ///   - idfs: each term's idf; a term of idf 0 (no live row holds it) is left out.
    ///   - bounds: each term's largest contribution before idf in this source.
    init(
        lists: [[LexicalPostings.Posting]],
        idfs: [Float],
        bounds: [Float],
        matching: RowBitmap,
        depth: Int
    ) {
        for (term, postings) in lists.enumerated() where idfs[term] > 0 && !postings.isEmpty {
            cursors.append(Cursor(term: term, postings: postings, idf: idfs[term], bound: idfs[term] * bounds[term]))
        }
        self.matching = matching
        self.depth = depth
    }

    /// The best `depth` rows (local row numbers), best first; `weight` is a posting's BM25
    /// contribution before idf.
    mutating func run(weight: (LexicalPostings.Posting) -> Float) -> [(row: Int, score: Float)] {
        var best = TopK(capacity: depth)
        cursors.removeAll { $0.isDone }
        var contributions = [Float](repeating: 0, count: (cursors.map(\.term).max() ?? -1) + 1)
        while !cursors.isEmpty {
            cursors.sort { $0.row < $1.row }
            // The pivot: the first cursor at which the bounds so far could beat the k-th score.
            var pivot = -1
            var boundSum: Float = 0
            let threshold = best.threshold
            for index in cursors.indices {
                boundSum += cursors[index].bound
                if threshold.map({ boundSum * (1 + Self.boundSlack) > $0 }) ?? true {
                    pivot = index
                    break
                }
            }
            guard pivot >= 0 else { break }
            let pivotRow = cursors[pivot].row
            guard matching.contains(pivotRow) else {
                // Skip straight to the next matching row at or past the pivot.
                guard let next = matching.nextRow(from: pivotRow + 1) else { break }
                advance(upTo: pivot, to: next)
                continue
            }
            guard cursors[0].row == pivotRow else {
                advance(upTo: pivot - 1, to: pivotRow)
                continue
            }
            // Every cursor at the pivot row contributes; add in term order.
            var present: [Int] = []
            for index in cursors.indices where !cursors[index].isDone && cursors[index].row == pivotRow {
                let cursor = cursors[index]
                contributions[cursor.term] = cursor.idf * weight(cursor.postings[cursor.position])
                present.append(cursor.term)
            }
            var score: Float = 0
            for term in present.sorted() { score += contributions[term] }
            best.offer(row: pivotRow, score: score)
            rowsScored += 1
            advance(upTo: cursors.count - 1, to: pivotRow + 1)
        }
        return best.sorted()
    }

    /// Moves cursors `0...last` (in row order) to their first posting at or past `row` (galloping
    /// search), dropping the exhausted ones.
    private mutating func advance(upTo last: Int, to row: Int) {
        for index in 0...max(last, 0) where index < cursors.count && !cursors[index].isDone {
            guard cursors[index].row < row else { continue }
            let postings = cursors[index].postings
            var low = cursors[index].position
            var step = 1
            var high = low + step
            while high < postings.count, Int(postings[high].row) < row {
                low = high
                step *= 2
                high = low + step
            }
            high = min(high, postings.count)
            while low < high {
                let middle = (low + high) / 2
                if Int(postings[middle].row) < row { low = middle + 1 } else { high = middle }
            }
            postingsRead += 1
            cursors[index].position = low
        }
        cursors.removeAll { $0.isDone }
    }
}
