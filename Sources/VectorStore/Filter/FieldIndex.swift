/// A filter index over one scalar field of one source (segment or memtable): posting lists for
/// string, string-array and bool fields, a sorted (value, row) index for int64, date and double
/// fields. Rows without a stored value are kept apart in `missing`, so a filter can apply the
/// field's default to them (rows written before the field existed, or that omitted it).
enum FieldIndex: Sendable {
    case postings(PostingIndex)
    case integers(SortedIndex<Int64>)
    case doubles(SortedIndex<Double>)

    /// Builds the index of a field from its stored values (`nil`: missing), one per row.
    /// Case-folded fields index lowercased keys, as `CompiledFilter` compares them.
    static func build(_ column: [FieldValue?], field: FieldDefinition) -> FieldIndex {
        switch field.type {
        case .int64, .date:
            return .integers(SortedIndex(column) { Self.integerKey($0) })
        case .double:
            return .doubles(SortedIndex(column) { if case .double(let v) = $0 { v } else { nil } })
        case .string, .stringArray, .bool:
            return .postings(PostingIndex(column, foldCase: field.foldCase))
        }
    }

    var rowCount: Int {
        switch self {
        case .postings(let index): index.rowCount
        case .integers(let index): index.rowCount
        case .doubles(let index): index.rowCount
        }
    }

    /// Whether the index was built for a field like `field` (kind by type, case folding): a
    /// persisted index that does not fit is ignored.
    func fits(_ field: FieldDefinition) -> Bool {
        switch (self, field.type) {
        case (.postings(let index), .string), (.postings(let index), .stringArray): index.foldCase == field.foldCase
        case (.postings(let index), .bool): !index.foldCase
        case (.integers, .int64), (.integers, .date), (.doubles, .double): true
        default: false
        }
    }

    var missing: PostingContainer {
        switch self {
        case .postings(let index): index.missing
        case .integers(let index): index.missing
        case .doubles(let index): index.missing
        }
    }

    /// The key of an int64 or date value in a sorted index (dates as days since 1970).
    static func integerKey(_ value: FieldValue) -> Int64? {
        switch value {
        case .int64(let number): number
        case .date(let date): date.daysSince1970
        default: nil
        }
    }

    /// The posting key of a string or bool value (`nil` for other types).
    static func postingKey(_ value: FieldValue) -> String? {
        switch value {
        case .string(let text): text
        case .bool(let flag): flag ? "true" : "false"
        default: nil
        }
    }
}

/// Posting lists of a string, string-array or bool field: per distinct value (a string array's
/// every element; `"true"`/`"false"` for bools), the rows holding it.
struct PostingIndex: Sendable {
    let rowCount: Int
    let foldCase: Bool
    /// Distinct keys (under `String` equality), sorted by UTF-8 bytes so that the keys starting
    /// with given bytes are contiguous (prefix filters).
    let keys: [String]
    /// `postings[i]`: the rows holding `keys[i]`.
    let postings: [PostingContainer]
    let missing: PostingContainer
    private let positions: [String: Int]

    init(_ column: [FieldValue?], foldCase: Bool) {
        var rowsByKey: [String: [UInt32]] = [:]
        var missingRows: [UInt32] = []
        for (row, value) in column.enumerated() {
            let row = UInt32(row)
            switch value {
            case nil: missingRows.append(row)
            case .stringArray(let texts)?:
                for text in Set(texts.map { foldCase ? $0.lowercased() : $0 }) {
                    rowsByKey[text, default: []].append(row)
                }
            case let value?:
                guard let key = FieldIndex.postingKey(value) else { continue }
                rowsByKey[foldCase ? key.lowercased() : key, default: []].append(row)
            }
        }
        let keys = rowsByKey.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let count = column.count
        self.init(
            rowCount: count,
            foldCase: foldCase,
            keys: keys,
            postings: keys.map { PostingContainer.make(rowsByKey[$0] ?? [], count: count) },
            missing: PostingContainer.make(missingRows, count: count)
        )
    }

    init(rowCount: Int, foldCase: Bool, keys: [String], postings: [PostingContainer], missing: PostingContainer) {
        self.rowCount = rowCount
        self.foldCase = foldCase
        self.keys = keys
        self.postings = postings
        self.missing = missing
        var positions: [String: Int] = [:]
        for (position, key) in keys.enumerated() { positions[key] = position }
        self.positions = positions
    }

    /// The rows holding `key` (already case-folded for a folded field); `nil` when none does.
    func posting(_ key: String) -> PostingContainer? { positions[key].map { postings[$0] } }

    /// Positions of the keys whose UTF-8 bytes start with `prefix`'s (binary search).
    func keyRange(prefix: String) -> Range<Int> {
        let bytes = Array(prefix.utf8)
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle].utf8.lexicographicallyPrecedes(bytes) { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < keys.count, keys[end].utf8.starts(with: bytes) { end += 1 }
        return low..<end
    }
}

/// A sorted index of an ordered field: every row holding a value, ordered by (value, row).
struct SortedIndex<Key: Comparable & Sendable>: Sendable {
    let rowCount: Int
    /// Ascending.
    let keys: [Key]
    /// `rows[i]` holds `keys[i]`; ascending among equal keys.
    let rows: [UInt32]
    let missing: PostingContainer

    init(_ column: [FieldValue?], key: (FieldValue) -> Key?) {
        var pairs: [(key: Key, row: UInt32)] = []
        var missingRows: [UInt32] = []
        for (row, value) in column.enumerated() {
            if let value, let key = key(value) {
                pairs.append((key, UInt32(row)))
            } else {
                missingRows.append(UInt32(row))
            }
        }
        pairs.sort { $0.key != $1.key ? $0.key < $1.key : $0.row < $1.row }
        self.init(
            rowCount: column.count,
            keys: pairs.map(\.key),
            rows: pairs.map(\.row),
            missing: PostingContainer.make(missingRows, count: column.count)
        )
    }

    init(rowCount: Int, keys: [Key], rows: [UInt32], missing: PostingContainer) {
        self.rowCount = rowCount
        self.keys = keys
        self.rows = rows
        self.missing = missing
    }

    /// Sets in `bitmap` the rows whose value lies between the bounds (each `(key, inclusive)`,
    /// `nil` for unbounded); returns how many rows it set. Two binary searches plus the rows.
    @discardableResult
    func addRows(lower: (Key, Bool)?, upper: (Key, Bool)?, to bitmap: inout RowBitmap) -> Int {
        let start = lower.map { bound in firstIndex { bound.1 ? $0 >= bound.0 : $0 > bound.0 } } ?? 0
        let end = upper.map { bound in firstIndex { bound.1 ? $0 > bound.0 : $0 >= bound.0 } } ?? keys.count
        guard start < end else { return 0 }
        for index in start..<end { bitmap.insert(Int(rows[index])) }
        return end - start
    }

    /// The first position whose key satisfies `isPast` (monotone: false, then true).
    private func firstIndex(where isPast: (Key) -> Bool) -> Int {
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if isPast(keys[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
