import HNSW

/// The rows of one open segment, decoded lazily: each block (ids, one field's column, sequences,
/// times, tombstones, the graph) on its first use, once; a single row (a search hit) from the one
/// chunk that holds it; the lexical index opened on first use and read one posting list at a time
/// (`SegmentLexicalIndex`; the whole kind-5 block of an earlier segment is decoded instead). Verification errors are thrown here; `SearchSource`
/// turns them into a recorded failure for accessors that cannot throw.
final class SegmentRows: Sendable {
    struct Times: Sendable {
        var writtenAtMs: [UInt64]
        var expiresAtMs: [UInt64]
    }

    let blocks: SegmentBlocks
    /// Name and type of each field with a column in the segment (its `fieldCount` first fields).
    let fields: [(name: String, type: FieldType)]
    let tombstoneCount: Int
    let dimension: Int
    /// From the header (version 3); `nil` for version 2 (then computed from the times once).
    let headerStats: SegmentFormat.ExpiryStats?
    private let idCell = LazyValue<[String]>()
    private let sequenceCell = LazyValue<[UInt64]>()
    private let timeCell = LazyValue<Times>()
    private let tombstoneCell = LazyValue<[SegmentWriter.Tombstone]>()
    private let lexicalCell = LazyValue<any LexicalIndex>()
    private let graphCell = LazyValue<HNSWIndex?>()
    private let columnCells: [LazyValue<[FieldValue?]>]
    /// Version 2 segments have no primary-key block: id → row, built from the ids on first lookup.
    private let legacyKeys = LazyValue<[String: Int]>()

    init(
        blocks: SegmentBlocks,
        fields: [(name: String, type: FieldType)],
        tombstoneCount: Int,
        dimension: Int,
        headerStats: SegmentFormat.ExpiryStats?
    ) {
        self.headerStats = headerStats
        self.blocks = blocks
        self.fields = fields
        self.tombstoneCount = tombstoneCount
        self.dimension = dimension
        columnCells = fields.map { _ in LazyValue() }
    }

    var rowCount: Int { blocks.rowCount }

    /// The value `load` gives, or `placeholder` when it fails (the failure is recorded on the segment).
    func reading<T>(_ load: () throws(StoreError) -> T, else placeholder: @autoclosure () -> T) -> T {
        do {
            return try load()
        } catch {
            blocks.record(error)
            return placeholder()
        }
    }

    func ids() throws(StoreError) -> [String] {
        try idCell.value { () throws(StoreError) in
            var ids: [String] = []
            ids.reserveCapacity(rowCount)
            _ = try blocks.forEachPiece(SegmentFormat.BlockKind.ids.rawValue, hasTag: false) { rows, bytes in
                guard let decoded = Self.decodeIDs(bytes, count: rows.count) else { return false }
                ids += decoded
                return true
            }
            return ids
        }
    }

    /// The id of one row, decoding only its chunk unless the ids are decoded already.
    func id(_ row: Int) throws(StoreError) -> String {
        if let ids = idCell.cached { return ids[row] }
        let kind = SegmentFormat.BlockKind.ids.rawValue
        let piece = try blocks.piece(kind, hasTag: false, holding: row)
        var reader = ByteReader(piece.bytes)
        let corrupt = blocks.corrupt("ids of rows \(piece.rows) do not decode", try blocks.entry(kind).offsetBytes)
        for _ in piece.rows.lowerBound..<row {
            guard let length = reader.readUInt16(), reader.readBytes(Int(length)) != nil else { throw corrupt }
        }
        guard let id = reader.readShortString() else { throw corrupt }
        return id
    }

    /// The column of stored field `ordinal` (< `fields.count`).
    func column(_ ordinal: Int) throws(StoreError) -> [FieldValue?] {
        try columnCells[ordinal].value { () throws(StoreError) in
            let type = fields[ordinal].type
            let kind = SegmentFormat.columnKind(ordinal)
            var column: [FieldValue?] = []
            column.reserveCapacity(rowCount)
            let tag = try blocks.forEachPiece(kind, hasTag: true) { rows, bytes in
                guard let values = Self.decodeColumn(bytes, type: type, count: rows.count) else { return false }
                column += values
                return true
            }
            try checkTag(tag, ordinal: ordinal)
            return column
        }
    }

    /// The stored value of one row, decoding only its chunk unless the column is decoded already.
    func value(_ row: Int, _ ordinal: Int) throws(StoreError) -> FieldValue? {
        guard ordinal < fields.count else { return nil }
        if let column = columnCells[ordinal].cached { return column[row] }
        let kind = SegmentFormat.columnKind(ordinal)
        let piece = try blocks.piece(kind, hasTag: true, holding: row)
        try checkTag(piece.tag, ordinal: ordinal)
        guard
            case .some(let value) = Self.decodeValue(
                at: row - piece.rows.lowerBound,
                piece.bytes,
                type: fields[ordinal].type
            )
        else {
            throw blocks.corrupt(
                "column '\(fields[ordinal].name)' rows \(piece.rows) do not decode",
                try blocks.entry(kind).offsetBytes
            )
        }
        return value
    }

    /// The value at `index` of a column piece, stepping over the rows before it without building
    /// them: `.some(nil)` for a missing value, `nil` when the bytes do not decode. (The whole
    /// piece is checked when the column is decoded, or by `verify()`.)
    static func decodeValue(at index: Int, _ bytes: ArraySlice<UInt8>, type: FieldType) -> FieldValue?? {
        var reader = ByteReader(bytes)
        for _ in 0..<index {
            switch reader.readByte() {
            case 0?: continue
            case 1?: guard FieldValue.skipBody(type, &reader) else { return nil }
            default: return nil
            }
        }
        switch reader.readByte() {
        case 0?: return .some(nil)
        case 1?: return FieldValue.readBody(type, &reader).map { .some($0) }
        default: return nil
        }
    }

    private func checkTag(_ tag: UInt8, ordinal: Int) throws(StoreError) {
        guard tag == fields[ordinal].type.tag else {
            throw blocks.corrupt(
                "column '\(fields[ordinal].name)' is not of type \(fields[ordinal].type.rawValue)",
                try blocks.entry(SegmentFormat.columnKind(ordinal)).offsetBytes
            )
        }
    }

    func sequences() throws(StoreError) -> [UInt64] {
        try sequenceCell.value { () throws(StoreError) in
            let (entry, raw) = try blocks.raw(SegmentFormat.BlockKind.sequences.rawValue)
            guard raw.count == rowCount * 8 else {
                throw blocks.corrupt("sequence block has the wrong size", entry.offsetBytes)
            }
            var reader = ByteReader(raw)
            return (0..<rowCount).map { _ in reader.readUInt64() ?? 0 }
        }
    }

    /// Write time and expiry of one row, read in place from the (uncompressed) times block,
    /// verified whole the first time; the block is not decoded into arrays for it.
    func time(_ row: Int) throws(StoreError) -> (writtenAtMs: UInt64, expiresAtMs: UInt64) {
        if let times = timeCell.cached { return (times.writtenAtMs[row], times.expiresAtMs[row]) }
        let (entry, stored) = try blocks.verifiedStored(SegmentFormat.BlockKind.times.rawValue)
        guard entry.codec == 0, stored.count == rowCount * 16 else {
            let times = try times()
            return (times.writtenAtMs[row], times.expiresAtMs[row])
        }
        let written = stored.loadUnaligned(fromByteOffset: row * 16, as: UInt64.self)
        let expires = stored.loadUnaligned(fromByteOffset: row * 16 + 8, as: UInt64.self)
        return (UInt64(littleEndian: written), UInt64(littleEndian: expires))
    }

    func times() throws(StoreError) -> Times {
        try timeCell.value { () throws(StoreError) in
            let (entry, raw) = try blocks.raw(SegmentFormat.BlockKind.times.rawValue)
            guard raw.count == rowCount * 16 else {
                throw blocks.corrupt("time block has the wrong size", entry.offsetBytes)
            }
            var reader = ByteReader(raw)
            var times = Times(writtenAtMs: [], expiresAtMs: [])
            times.writtenAtMs.reserveCapacity(rowCount)
            times.expiresAtMs.reserveCapacity(rowCount)
            for _ in 0..<rowCount {
                times.writtenAtMs.append(reader.readUInt64() ?? 0)
                times.expiresAtMs.append(reader.readUInt64() ?? 0)
            }
            return times
        }
    }

    func tombstones() throws(StoreError) -> [SegmentWriter.Tombstone] {
        try tombstoneCell.value { () throws(StoreError) in
            let (entry, raw) = try blocks.raw(SegmentFormat.BlockKind.tombstones.rawValue)
            var reader = ByteReader(raw)
            var tombstones: [SegmentWriter.Tombstone] = []
            for _ in 0..<tombstoneCount {
                guard let sequence = reader.readUInt64(), let id = reader.readShortString() else {
                    throw blocks.corrupt("tombstone does not decode", entry.offsetBytes)
                }
                tombstones.append((sequence, id))
            }
            guard reader.remaining == 0 else { throw blocks.corrupt("trailing tombstone bytes", entry.offsetBytes) }
            return tombstones
        }
    }

    /// The BM25 index, opened on first use: the per-term blocks read in place (their dictionary's
    /// checksum verified once), or the whole kind-5 block of earlier segments, decoded.
    func lexical() throws(StoreError) -> any LexicalIndex {
        try lexicalCell.value { () throws(StoreError) -> any LexicalIndex in
            let whole = SegmentFormat.BlockKind.lexical.rawValue
            guard blocks.entries[whole] != nil else { return try SegmentLexicalIndex(blocks: blocks) }
            let (entry, raw) = try blocks.raw(whole)
            guard let lexical = LexicalPostings.decode(raw, rowCount: rowCount) else {
                throw blocks.corrupt("lexical index does not decode", entry.offsetBytes)
            }
            return lexical
        }
    }

    /// Checks the whole BM25 index (a scrub): every posting list, the term order, the row bounds.
    func verifyLexical() throws(StoreError) {
        let lexical = try lexical()
        if let index = lexical as? SegmentLexicalIndex { try index.verify() }
    }

    /// The HNSW graph, loaded in place over the mapping on first use (its structure is checked by
    /// `HNSWIndex.load`; its bytes, like the vectors', by `SegmentReader.verify`).
    func graph() throws(StoreError) -> HNSWIndex? {
        try graphCell.value { () throws(StoreError) in
            try SegmentReader.loadGraph(
                file: blocks.file,
                blocks: blocks.entries,
                vectorOffset: try blocks.entry(SegmentFormat.vectorKind(0)).offsetBytes,
                rowCount: rowCount,
                dimension: dimension,
                corrupt: blocks.corrupt
            )
        }
    }

    /// The row holding `id`, if any (at most one: a segment holds one version per id).
    func row(of id: String) throws(StoreError) -> Int? {
        guard blocks.version >= 3 else {
            return try legacyKeys.value { () throws(StoreError) in
                let ids = try self.ids()
                return Dictionary(ids.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: max)
            }[id]
        }
        let (entry, block) = try blocks.verifiedStored(SegmentFormat.BlockKind.primaryKeys.rawValue)
        guard block.count == rowCount * PrimaryKeyIndex.entryBytes else {
            throw blocks.corrupt("primary-key block has the wrong size", entry.offsetBytes)
        }
        for row in PrimaryKeyIndex.rows(hashing: PrimaryKeyIndex.hash(id), in: block, count: rowCount) {
            guard row < rowCount else { throw blocks.corrupt("primary-key row out of range", entry.offsetBytes) }
            if try self.id(row) == id { return row }
        }
        return nil
    }

    /// Checks that the primary-key block indexes exactly the stored ids (a scrub).
    func verifyPrimaryKeys() throws(StoreError) {
        guard blocks.version >= 3 else { return }
        let (entry, block) = try blocks.verifiedStored(SegmentFormat.BlockKind.primaryKeys.rawValue)
        guard Array(block) == PrimaryKeyIndex.encode(try ids()) else {
            throw blocks.corrupt("primary-key block does not match the ids", entry.offsetBytes)
        }
    }

    /// The earliest times a TTL can act on: the header's, or (version 2) the times block's.
    func expiryStats() throws(StoreError) -> SegmentFormat.ExpiryStats {
        if let headerStats { return headerStats }
        let times = try times()
        return SegmentFormat.ExpiryStats(
            writtenAtMsMin: times.writtenAtMs.min() ?? .max,
            expiresAtMsMin: times.expiresAtMs.filter { $0 != 0 }.min() ?? .max
        )
    }

    static func decodeIDs(_ bytes: ArraySlice<UInt8>, count: Int) -> [String]? {
        var reader = ByteReader(bytes)
        var ids: [String] = []
        ids.reserveCapacity(count)
        for _ in 0..<count {
            guard let id = reader.readShortString() else { return nil }
            ids.append(id)
        }
        return reader.remaining == 0 ? ids : nil
    }

    static func decodeColumn(_ bytes: ArraySlice<UInt8>, type: FieldType, count: Int) -> [FieldValue?]? {
        var reader = ByteReader(bytes)
        var values: [FieldValue?] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            switch reader.readByte() {
            case 0?: values.append(nil)
            case 1?:
                guard let value = FieldValue.readBody(type, &reader) else { return nil }
                values.append(value)
            default: return nil
            }
        }
        return reader.remaining == 0 ? values : nil
    }
}
