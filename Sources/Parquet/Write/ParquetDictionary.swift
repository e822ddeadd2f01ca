/// The distinct byte-array values of one column chunk, in first-seen order: the dictionary page's
/// entries, which data pages then reference by index (RLE_DICTIONARY).
struct ParquetDictionary {
    private(set) var entries: [[UInt8]] = []
    private var indexes: [[UInt8]: UInt32] = [:]

    /// The dictionary of `pages`' values when it pays: at most `countMax` distinct values, each
    /// occurring at least twice on average. `nil` otherwise (the chunk is PLAIN encoded).
    static func build(_ pages: [ParquetShreddedPage], countMax: Int) -> ParquetDictionary? {
        var dictionary = ParquetDictionary()
        var total = 0
        for page in pages {
            guard case .byteArrays(let values) = page.values else { return nil }
            total += values.count
            for value in values where dictionary.indexes[value] == nil {
                guard dictionary.entries.count < countMax else { return nil }
                dictionary.indexes[value] = UInt32(dictionary.entries.count)
                dictionary.entries.append(value)
            }
        }
        guard total > 0, dictionary.entries.count * 2 <= total else { return nil }
        return dictionary
    }

    /// Bits per index in the data pages: enough for `entries.count - 1`, at least 1.
    var bitWidth: Int { max(1, RLEHybridEncoder.bitWidth(forMaximum: UInt32(max(entries.count, 1) - 1))) }

    /// The indices of `values`, which all come from the pages the dictionary was built from.
    func indices(of values: ParquetLeafValues) -> [UInt32] {
        guard case .byteArrays(let arrays) = values else { return [] }
        return arrays.map { value in
            guard let index = indexes[value] else { preconditionFailure("a value outside the chunk's dictionary") }
            return index
        }
    }
}
