/// The rows of one posting of a filter index (the rows holding one value), stored roaring-style:
/// a sorted array of row numbers while sparse, a bitmap once an array would be larger than the
/// bitmap (more than one row in 32 set), so a posting costs `min(4 · rows, count / 8)` bytes and
/// adding it to a bitmap costs its rows or its words, whichever is fewer.
enum PostingContainer: Sendable, Equatable {
    /// Row numbers, strictly increasing.
    case sparse([UInt32])
    case dense(RowBitmap)

    /// The container for `rows` (strictly increasing, each below `count`).
    static func make(_ rows: [UInt32], count: Int) -> PostingContainer {
        rows.count * 32 > count ? .dense(RowBitmap(count: count, rows: rows)) : .sparse(rows)
    }

    var cardinality: Int {
        switch self {
        case .sparse(let rows): rows.count
        case .dense(let bitmap): bitmap.cardinality
        }
    }

    /// Sets every row of the posting in `bitmap` (of the same row count).
    func add(to bitmap: inout RowBitmap) {
        switch self {
        case .sparse(let rows): for row in rows { bitmap.insert(Int(row)) }
        case .dense(let rows): bitmap.formUnion(rows)
        }
    }

    /// `tag u8 (0 sparse, 1 dense) | n u32 | n × row u32 (sparse) or n × word u64 (dense)`.
    func encode(into bytes: inout [UInt8]) {
        switch self {
        case .sparse(let rows):
            bytes.append(0)
            bytes.appendLittleEndian(UInt32(rows.count))
            for row in rows { bytes.appendLittleEndian(row) }
        case .dense(let bitmap):
            bytes.append(1)
            bytes.appendLittleEndian(UInt32(bitmap.words.count))
            for word in bitmap.words { bytes.appendLittleEndian(word) }
        }
    }

    /// Decodes `encode`'s bytes for a source of `count` rows; `nil` when they are not well formed
    /// (a row out of range or out of order, a word count that does not match).
    static func decode(_ reader: inout ByteReader, count: Int) -> PostingContainer? {
        guard let tag = reader.readByte(), let n32 = reader.readUInt32() else { return nil }
        let n = Int(n32)
        switch tag {
        case 0:
            guard n * 4 <= reader.remaining else { return nil }
            var rows: [UInt32] = []
            rows.reserveCapacity(n)
            for _ in 0..<n {
                guard let row = reader.readUInt32(), Int(row) < count, rows.last.map({ $0 < row }) ?? true else {
                    return nil
                }
                rows.append(row)
            }
            return .sparse(rows)
        case 1:
            guard n == (count + 63) / 64, n * 8 <= reader.remaining else { return nil }
            var words: [UInt64] = []
            words.reserveCapacity(n)
            for _ in 0..<n { words.append(reader.readUInt64() ?? 0) }
            guard let bitmap = RowBitmap(count: count, words: words) else { return nil }
            return .dense(bitmap)
        default: return nil
        }
    }
}
