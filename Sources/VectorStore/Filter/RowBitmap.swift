/// A set of row numbers `0..<count` of one source, one bit per row (64 rows a word).
///
/// The currency of the query path: liveness, compiled filters and the planner's candidate sets are
/// all `RowBitmap`s, combined word by word, so a filter over a source costs `count / 64` word
/// operations plus the postings it reads. Bits at or past `count` are always clear.
struct RowBitmap: Sendable, Equatable {
    /// Number of rows the bitmap covers.
    let count: Int
    private(set) var words: [UInt64]

    /// A bitmap of `count` rows, all clear or all set.
    init(count: Int, allSet: Bool = false) {
        precondition(count >= 0, "negative row count")
        self.count = count
        words = [UInt64](repeating: allSet ? ~0 : 0, count: (count + 63) / 64)
        if allSet { clearTail() }
    }

    /// A bitmap holding `rows` (each in `0..<count`).
    init<Rows: Sequence>(count: Int, rows: Rows) where Rows.Element: BinaryInteger {
        self.init(count: count)
        for row in rows { insert(Int(row)) }
    }

    /// A bitmap over stored words (a deletion vector); `nil` when a bit at or past `count` is set.
    init?(count: Int, words: [UInt64]) {
        guard count >= 0, words.count == (count + 63) / 64 else { return nil }
        self.count = count
        self.words = words
        let spare = words.count * 64 - count
        if spare > 0, let last = words.last, last >> UInt64(64 - spare) != 0 { return nil }
    }

    @inline(__always) func contains(_ row: Int) -> Bool {
        row >= 0 && row < count && words[row >> 6] & (1 << UInt64(row & 63)) != 0
    }

    @inline(__always) mutating func insert(_ row: Int) {
        precondition(row >= 0 && row < count, "row \(row) outside 0..<\(count)")
        words[row >> 6] |= 1 << UInt64(row & 63)
    }

    @inline(__always) mutating func remove(_ row: Int) {
        precondition(row >= 0 && row < count, "row \(row) outside 0..<\(count)")
        words[row >> 6] &= ~(1 << UInt64(row & 63))
    }

    /// Number of rows set (population count, a word at a time).
    var cardinality: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    mutating func formIntersection(_ other: RowBitmap) {
        precondition(count == other.count, "bitmaps of different row counts")
        for index in words.indices { words[index] &= other.words[index] }
    }

    mutating func formUnion(_ other: RowBitmap) {
        precondition(count == other.count, "bitmaps of different row counts")
        for index in words.indices { words[index] |= other.words[index] }
    }

    /// Removes every row `other` holds.
    mutating func subtract(_ other: RowBitmap) {
        precondition(count == other.count, "bitmaps of different row counts")
        for index in words.indices { words[index] &= ~other.words[index] }
    }

    /// Every row not in the bitmap.
    mutating func formComplement() {
        for index in words.indices { words[index] = ~words[index] }
        clearTail()
    }

    func intersection(_ other: RowBitmap) -> RowBitmap {
        var result = self
        result.formIntersection(other)
        return result
    }

    /// Calls `body` with every row set, in increasing order.
    func forEachRow(_ body: (Int) throws -> Void) rethrows {
        for (index, word) in words.enumerated() {
            var remaining = word
            while remaining != 0 {
                try body(index << 6 | remaining.trailingZeroBitCount)
                remaining &= remaining - 1
            }
        }
    }

    /// The rows set, in increasing order.
    var rows: [Int] {
        var result: [Int] = []
        result.reserveCapacity(cardinality)
        forEachRow { result.append($0) }
        return result
    }

    /// Replaces word `index` (rows `64 · index ..< 64 · index + 64`); bits past `count` are cleared.
    mutating func setWord(_ index: Int, _ word: UInt64) {
        words[index] = word
        if index == words.count - 1 { clearTail() }
    }

    private mutating func clearTail() {
        let spare = words.count * 64 - count
        guard spare > 0, let last = words.indices.last else { return }
        words[last] &= ~0 >> UInt64(spare)
    }
}

extension RowBitmap {
    /// Whether the two bitmaps share a row, without building their intersection.
    func intersects(_ other: RowBitmap) -> Bool {
        precondition(count == other.count, "bitmaps of different row counts")
        return zip(words, other.words).contains { $0 & $1 != 0 }
    }
}

extension RowBitmap {
    /// The first row set at or after `row`, `nil` when there is none (a word at a time).
    func nextRow(from row: Int) -> Int? {
        guard row < count else { return nil }
        var index = max(row, 0) >> 6
        var word = words[index] & (~0 << UInt64(max(row, 0) & 63))
        while word == 0 {
            index += 1
            guard index < words.count else { return nil }
            word = words[index]
        }
        return index << 6 | word.trailingZeroBitCount
    }
}
