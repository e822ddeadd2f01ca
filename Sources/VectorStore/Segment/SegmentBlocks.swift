import Codecs
import Synchronization

/// The blocks of one open segment over its read-only mapping: each block's checksum is verified the
/// first time the block is read whole (once, whichever thread gets there first), a chunk of a
/// row-chunked block each time it is read alone. Nothing is read at construction.
final class SegmentBlocks: Sendable {
    let file: MappedFile
    let version: UInt32
    let rowCount: Int
    let codec: UInt8
    let entries: [UInt32: SegmentFormat.BlockEntry]
    /// Offset of the block directory, for errors about missing blocks.
    let directoryOffset: Int
    let counters = SegmentCounters()
    private let chunkTables = Mutex<[UInt32: RowChunks]>([:])
    /// The first corruption met by an accessor that cannot throw (`SearchSource`); searches that
    /// touched it fail with it (`CollectionSnapshot.checkIntegrity`).
    private let firstFailure = Mutex<StoreError?>(nil)

    init(
        file: MappedFile,
        version: UInt32,
        rowCount: Int,
        codec: UInt8,
        entries: [UInt32: SegmentFormat.BlockEntry],
        directoryOffset: Int
    ) {
        self.file = file
        self.version = version
        self.rowCount = rowCount
        self.codec = codec
        self.entries = entries
        self.directoryOffset = directoryOffset
    }

    var path: String { file.path }

    func corrupt(_ message: String, _ offset: Int) -> StoreError {
        StoreError(code: .corruption, message: "segment: \(message)", file: path, offsetBytes: offset)
    }

    var failure: StoreError? { firstFailure.withLock { $0 } }

    /// Keeps `error` as the segment's failure (the first one wins).
    func record(_ error: StoreError) {
        firstFailure.withLock { slot in if slot == nil { slot = error } }
    }

    func entry(_ kind: UInt32) throws(StoreError) -> SegmentFormat.BlockEntry {
        guard let entry = entries[kind] else { throw corrupt("missing block \(kind)", directoryOffset) }
        return entry
    }

    /// The stored bytes of a block, in the mapping, without verification (blocks used in place).
    func mapped(_ entry: SegmentFormat.BlockEntry) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: file.bytes[entry.offsetBytes..<(entry.offsetBytes + entry.storedBytes)])
    }

    /// The stored bytes of a block, its checksum verified the first time.
    func verifiedStored(
        _ kind: UInt32
    ) throws(StoreError) -> (entry: SegmentFormat.BlockEntry, bytes: UnsafeRawBufferPointer) {
        let entry = try entry(kind)
        let bytes = mapped(entry)
        if counters.isVerified(kind) { return (entry, bytes) }
        guard CRC32C.checksum(bytes) == entry.checksum else {
            throw corrupt("block \(kind) checksum mismatch", entry.offsetBytes)
        }
        markVerified(kind)
        return (entry, bytes)
    }

    private func markVerified(_ kind: UInt32) { counters.noteVerified(kind) }

    /// A whole block, verified and decompressed.
    func raw(_ kind: UInt32) throws(StoreError) -> (entry: SegmentFormat.BlockEntry, raw: [UInt8]) {
        let (entry, bytes) = try verifiedStored(kind)
        guard let raw = SegmentFormat.decompress(Array(bytes), codec: entry.codec, rawBytes: entry.rawBytes) else {
            throw corrupt("block \(kind) does not decompress", entry.offsetBytes)
        }
        counters.noteDecoded(kind)
        return (entry, raw)
    }

    /// Whether `kind` is row-chunked (format version 3 ids and columns).
    var isChunked: Bool { version >= 3 }

    /// The chunk table of a row-chunked block, verified by its own checksum once.
    func chunkTable(_ kind: UInt32) throws(StoreError) -> RowChunks {
        if let table = chunkTables.withLock({ $0[kind] }) { return table }
        let entry = try entry(kind)
        guard let table = RowChunks.decode(mapped(entry), rowCount: rowCount) else {
            throw corrupt("block \(kind): bad chunk table", entry.offsetBytes)
        }
        chunkTables.withLock { $0[kind] = table }
        return table
    }

    /// The raw bytes of one chunk of a row-chunked block, its checksum verified.
    func chunk(_ kind: UInt32, _ index: Int, of table: RowChunks) throws(StoreError) -> [UInt8] {
        let entry = try entry(kind)
        let chunk = table.chunks[index]
        let start = entry.offsetBytes + chunk.offsetBytes
        let stored = UnsafeRawBufferPointer(rebasing: file.bytes[start..<(start + chunk.storedBytes)])
        guard CRC32C.checksum(stored) == chunk.checksum else {
            throw corrupt("block \(kind) chunk \(index) checksum mismatch", start)
        }
        guard let raw = SegmentFormat.decompress(Array(stored), codec: entry.codec, rawBytes: chunk.rawBytes) else {
            throw corrupt("block \(kind) chunk \(index) does not decompress", start)
        }
        return raw
    }

    /// Every row of a row-oriented block (ids or a column) in order: `body` reads the rows of each
    /// piece (a chunk, or the whole block of format version 2 after its type tag) and returns
    /// whether the piece held exactly those rows. Returns the type tag.
    func forEachPiece(
        _ kind: UInt32,
        hasTag: Bool,
        _ body: (_ rows: Range<Int>, _ bytes: ArraySlice<UInt8>) -> Bool
    ) throws(StoreError) -> UInt8 {
        guard isChunked else {
            let (entry, raw) = try self.raw(kind)
            let tag = hasTag ? raw.first ?? 0 : 0
            guard !hasTag || !raw.isEmpty, body(0..<rowCount, raw[(hasTag ? 1 : 0)...]) else {
                throw corrupt("block \(kind) does not decode", entry.offsetBytes)
            }
            return tag
        }
        let entry = try entry(kind)
        let table = try chunkTable(kind)
        for index in table.chunks.indices {
            let raw = try chunk(kind, index, of: table)
            guard body(table.rows(of: index, rowCount: rowCount), raw[...]) else {
                throw corrupt("block \(kind) chunk \(index) does not decode", entry.offsetBytes)
            }
        }
        // The table's checksum and every chunk's cover all the block's bytes.
        markVerified(kind)
        counters.noteDecoded(kind)
        return table.typeTag
    }

    /// The piece of a row-oriented block holding `row`: its rows and bytes (the whole block in
    /// format version 2), decoding only that chunk in version 3.
    func piece(
        _ kind: UInt32,
        hasTag: Bool,
        holding row: Int
    ) throws(StoreError) -> (rows: Range<Int>, bytes: ArraySlice<UInt8>, tag: UInt8) {
        guard isChunked else {
            let (entry, raw) = try self.raw(kind)
            guard !hasTag || !raw.isEmpty else { throw corrupt("block \(kind) is empty", entry.offsetBytes) }
            return (0..<rowCount, raw[(hasTag ? 1 : 0)...], hasTag ? raw[0] : 0)
        }
        let table = try chunkTable(kind)
        let index = row / table.chunkRows
        counters.noteChunk()
        return (table.rows(of: index, rowCount: rowCount), try chunk(kind, index, of: table)[...], table.typeTag)
    }
}
