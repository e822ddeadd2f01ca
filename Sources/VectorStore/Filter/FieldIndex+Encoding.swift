/// The persisted form of a filter index: one segment block per indexed field
/// (`SegmentFormat.filterIndexKind`), docs/formats/segment.md:
///
/// `version u8 (1) | kind u8 (1 postings, 2 int64/date, 3 double) | foldCase u8 | 0 u8 | rowCount u32
/// | missing container | entryCount u32 | entries`, where a postings entry is
/// `key (u32 length + UTF-8) | container` (keys in `PostingIndex` order) and a sorted index stores
/// `entryCount × key (i64, or f64 bits)` then `entryCount × row u32`. Containers are
/// `PostingContainer.encode`'s.
extension FieldIndex {
    static let encodingVersion: UInt8 = 1

    func encode() -> [UInt8] {
        var bytes: [UInt8] = [Self.encodingVersion]
        switch self {
        case .postings(let index):
            bytes += [1, index.foldCase ? 1 : 0, 0]
            bytes.appendLittleEndian(UInt32(index.rowCount))
            index.missing.encode(into: &bytes)
            bytes.appendLittleEndian(UInt32(index.keys.count))
            for (key, posting) in zip(index.keys, index.postings) {
                let utf8 = Array(key.utf8)
                bytes.appendLittleEndian(UInt32(utf8.count))
                bytes += utf8
                posting.encode(into: &bytes)
            }
        case .integers(let index):
            bytes += [2, 0, 0]
            Self.encodeSorted(index, into: &bytes) { UInt64(bitPattern: $0) }
        case .doubles(let index):
            bytes += [3, 0, 0]
            Self.encodeSorted(index, into: &bytes) { $0.bitPattern }
        }
        return bytes
    }

    /// Decodes `encode`'s bytes for a source of `rowCount` rows; `nil` when they are not well
    /// formed (then the filter scans instead).
    static func decode(_ raw: [UInt8], rowCount: Int) -> FieldIndex? {
        var reader = ByteReader(raw)
        guard reader.readByte() == encodingVersion, let kind = reader.readByte(), let fold = reader.readByte(),
            reader.readByte() == 0, let rows = reader.readUInt32(), Int(rows) == rowCount,
            let missing = PostingContainer.decode(&reader, count: rowCount), let entries32 = reader.readUInt32()
        else { return nil }
        let entries = Int(entries32)
        let index: FieldIndex?
        switch kind {
        case 1:
            var keys: [String] = []
            var postings: [PostingContainer] = []
            for _ in 0..<min(entries, reader.remaining) {
                guard let length = reader.readUInt32(), let utf8 = reader.readBytes(Int(length)),
                    let key = String(validating: utf8, as: UTF8.self),
                    let posting = PostingContainer.decode(&reader, count: rowCount)
                else { return nil }
                keys.append(key)
                postings.append(posting)
            }
            guard keys.count == entries else { return nil }
            index = .postings(
                PostingIndex(rowCount: rowCount, foldCase: fold == 1, keys: keys, postings: postings, missing: missing)
            )
        case 2:
            index = decodeSorted(&reader, entries: entries, rowCount: rowCount, missing: missing) {
                Int64(bitPattern: $0)
            }
            .map(FieldIndex.integers)
        case 3:
            index = decodeSorted(&reader, entries: entries, rowCount: rowCount, missing: missing) {
                Double(bitPattern: $0)
            }
            .map(FieldIndex.doubles)
        default: return nil
        }
        guard reader.remaining == 0 else { return nil }
        return index
    }

    private static func encodeSorted<Key>(_ index: SortedIndex<Key>, into bytes: inout [UInt8], bits: (Key) -> UInt64) {
        bytes.appendLittleEndian(UInt32(index.rowCount))
        index.missing.encode(into: &bytes)
        bytes.appendLittleEndian(UInt32(index.keys.count))
        for key in index.keys { bytes.appendLittleEndian(bits(key)) }
        for row in index.rows { bytes.appendLittleEndian(row) }
    }

    private static func decodeSorted<Key>(
        _ reader: inout ByteReader,
        entries: Int,
        rowCount: Int,
        missing: PostingContainer,
        key: (UInt64) -> Key
    ) -> SortedIndex<Key>? {
        guard entries <= rowCount, entries * 12 <= reader.remaining else { return nil }
        var keys: [Key] = []
        keys.reserveCapacity(entries)
        for _ in 0..<entries {
            guard let bits = reader.readUInt64() else { return nil }
            let value = key(bits)
            guard keys.last.map({ $0 <= value }) ?? true else { return nil }
            keys.append(value)
        }
        var rows: [UInt32] = []
        rows.reserveCapacity(entries)
        for _ in 0..<entries {
            guard let row = reader.readUInt32(), Int(row) < rowCount else { return nil }
            rows.append(row)
        }
        return SortedIndex(rowCount: rowCount, keys: keys, rows: rows, missing: missing)
    }
}
