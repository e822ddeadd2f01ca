import Codecs
import Foundation

/// The filter indexes of one source, by field ordinal, materialised on first use: a segment's are
/// decoded (and checksum-verified) from its index blocks when a filter first reads the field; a
/// memtable source's are built from its columns then. A segment written before the field was
/// indexed has no block: its index is built in the background from the columns (the filter scans
/// meanwhile), so turning an index on never blocks a write or a query.
final class FilterIndexSet: @unchecked Sendable {
    /// Where the indexes come from.
    enum Origin: Sendable {
        /// In-memory rows (memtable, frozen memtable): built synchronously from the columns.
        case owned
        /// A segment's index blocks; fields without a block are built in the background.
        case segment(SegmentIndexBlocks)
    }

    /// How a field's filter can read this source.
    enum Lookup {
        case index(FieldIndex)
        /// No index (yet): the filter scans the rows.
        case scan
    }

    private let origin: Origin
    private let lock = NSLock()
    /// Guarded by `lock`.
    private var cache: [Int: FieldIndex] = [:]
    /// Fields whose background build runs or failed (guarded by `lock`).
    private var started: Set<Int> = []

    init(_ origin: Origin = .owned) { self.origin = origin }

    /// The index of field `ordinal` over `columns[ordinal]`, or `.scan` when there is none yet.
    func lookup(_ ordinal: Int, field: FieldDefinition, columns: [[FieldValue?]]) -> Lookup {
        if let index = lock.withLock({ cache[ordinal] }) { return .index(index) }
        guard ordinal < columns.count else { return .scan }
        switch origin {
        case .owned:
            let index = FieldIndex.build(columns[ordinal], field: field)
            lock.withLock { cache[ordinal] = index }
            return .index(index)
        case .segment(let blocks):
            if let index = blocks.load(ordinal, rowCount: columns[ordinal].count), index.fits(field) {
                lock.withLock { cache[ordinal] = index }
                return .index(index)
            }
            let start = lock.withLock { started.insert(ordinal).inserted }
            if start {
                let column = columns[ordinal]
                Task.detached(priority: .background) { [self] in
                    let index = FieldIndex.build(column, field: field)
                    lock.withLock { cache[ordinal] = index }
                }
            }
            return .scan
        }
    }

    /// Whether the index of field `ordinal` is in memory (tests of the background build).
    func isBuilt(_ ordinal: Int) -> Bool { lock.withLock { cache[ordinal] != nil } }
}

/// A segment's filter index blocks, read when first used: each block's checksum is verified and it
/// is decompressed then, not at open.
struct SegmentIndexBlocks: Sendable {
    let file: MappedFile
    /// Index blocks by field ordinal.
    let entries: [Int: SegmentFormat.BlockEntry]

    /// Picks the filter index blocks out of a segment's block directory.
    init(file: MappedFile, directory: [UInt32: SegmentFormat.BlockEntry]) {
        self.file = file
        var entries: [Int: SegmentFormat.BlockEntry] = [:]
        for (kind, entry) in directory {
            if let ordinal = SegmentFormat.filterIndexOrdinal(kind) { entries[ordinal] = entry }
        }
        self.entries = entries
    }

    /// The decoded index of a field, or `nil` when the segment has no (well-formed) block for it.
    func load(_ ordinal: Int, rowCount: Int) -> FieldIndex? {
        guard let entry = entries[ordinal], entry.offsetBytes + entry.storedBytes <= file.bytes.count else {
            return nil
        }
        let bytes = file.copy(entry.offsetBytes..<(entry.offsetBytes + entry.storedBytes))
        guard CRC32C.checksum(bytes) == entry.checksum else { return nil }
        guard let raw = SegmentFormat.decompress(bytes, codec: entry.codec, rawBytes: entry.rawBytes) else {
            return nil
        }
        return FieldIndex.decode(raw, rowCount: rowCount)
    }
}
