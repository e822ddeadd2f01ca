extension ParquetColumnValues {
    /// The row ranges of this column's data pages: consecutive, covering every row, each of at most
    /// `rowCountMax` rows and closed once its estimated value bytes reach `bytesMax` (a page always
    /// takes at least one row). Pages start at row boundaries, so no list spans two pages.
    func pageRanges(rowCountMax: Int, bytesMax: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var bytes = 0
        for row in 0..<count {
            bytes += estimatedBytes(row)
            if row + 1 - start >= rowCountMax || bytes >= bytesMax {
                ranges.append(start..<(row + 1))
                start = row + 1
                bytes = 0
            }
        }
        if start < count || ranges.isEmpty { ranges.append(start..<count) }
        return ranges
    }

    /// Plain-encoded bytes of row `row`'s values (a null: 0), plus a byte for its levels.
    private func estimatedBytes(_ row: Int) -> Int {
        switch self {
        case .strings(let values): 1 + (values[row].map { 4 + $0.utf8.count } ?? 0)
        case .int64s, .doubles: 9
        case .booleans: 1
        case .dates: 5
        case .stringLists(let values): 1 + (values[row].map { $0.reduce(0) { $0 + 5 + $1.utf8.count } } ?? 0)
        case .floatLists(let values): 1 + 5 * (values[row]?.count ?? 0)
        }
    }
}
