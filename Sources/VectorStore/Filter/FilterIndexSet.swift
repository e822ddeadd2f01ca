import Synchronization

/// The filter indexes of one source, by field ordinal, materialised on first use: a segment's are
/// decoded (and checksum-verified) from its index blocks when a filter first reads the field; a
/// memtable source's are built from its columns then. A segment written before the field was
/// indexed has no block: filters scan it until the collection's background maintenance builds the
/// index in memory (`build(_:field:column:)`), so turning an index on never blocks a write or a
/// query.
final class FilterIndexSet: Sendable {
    /// Where the indexes come from.
    enum Origin: Sendable {
        /// In-memory rows (memtable, frozen memtable): built synchronously from the columns.
        case owned
        /// A segment's index blocks; fields without a block are built by maintenance.
        case segment(SegmentIndexBlocks)
    }

    /// How a field's filter can read this source.
    enum Lookup {
        case index(FieldIndex)
        /// No index (yet): the filter scans the rows.
        case scan
    }

    private let origin: Origin
    private let cache = Mutex<[Int: FieldIndex]>([:])
    /// Fields whose column could not be read for a build.
    private let unbuildable = Mutex<Set<Int>>([])

    init(_ origin: Origin = .owned) { self.origin = origin }

    /// The index of field `ordinal`, or `.scan` when there is none yet. `column` gives the field's
    /// stored values (`nil` when the source stores no column for it); it is read only to build a
    /// memtable's index.
    func lookup(_ ordinal: Int, field: FieldDefinition, column: () -> [FieldValue?]?) -> Lookup {
        if let index = cache.withLock({ $0[ordinal] }) { return .index(index) }
        switch origin {
        case .owned:
            guard let values = column() else { return .scan }
            let index = FieldIndex.build(values, field: field)
            cache.withLock { $0[ordinal] = index }
            return .index(index)
        case .segment(let blocks):
            guard let index = blocks.load(ordinal), index.fits(field) else { return .scan }
            cache.withLock { $0[ordinal] = index }
            return .index(index)
        }
    }

    /// Whether field `ordinal` needs `build`: a segment without a block for it and nothing built
    /// yet (reads no block).
    func needsBuild(_ ordinal: Int) -> Bool {
        guard case .segment(let blocks) = origin else { return false }
        return !blocks.has(ordinal) && !isBuilt(ordinal) && !unbuildable.withLock { $0.contains(ordinal) }
    }

    /// Builds the index of field `ordinal` from its stored values and keeps it for later filters
    /// (background maintenance, for segments written before the field was indexed); `nil` values
    /// (an unreadable column) leave the field scanned.
    func build(_ ordinal: Int, field: FieldDefinition, column: [FieldValue?]?) {
        guard let column else {
            // The column fails verification (recorded as the segment's failure): filters keep
            // scanning, and the build is not retried in this open.
            unbuildable.withLock { _ = $0.insert(ordinal) }
            return
        }
        let index = FieldIndex.build(column, field: field)
        cache.withLock { $0[ordinal] = index }
    }

    /// Whether the index of field `ordinal` is in memory (tests of the background build).
    func isBuilt(_ ordinal: Int) -> Bool { cache.withLock { $0[ordinal] != nil } }
}

/// A segment's filter index blocks, read through the segment's blocks when first used: each
/// block's checksum is verified and it is decompressed then, not at open.
struct SegmentIndexBlocks: Sendable {
    let blocks: SegmentBlocks

    /// Whether the segment stores an index block for field `ordinal`.
    func has(_ ordinal: Int) -> Bool { blocks.entries[SegmentFormat.filterIndexKind(ordinal)] != nil }

    /// The decoded index of a field, or `nil` when the segment has no block for it. A block that
    /// fails its checksum or does not decode is recorded as the segment's failure (so the search
    /// that read it fails with `StoreError.corruption`) and reads as `nil`.
    func load(_ ordinal: Int) -> FieldIndex? {
        let kind = SegmentFormat.filterIndexKind(ordinal)
        guard let entry = blocks.entries[kind] else { return nil }
        do throws(StoreError) {
            let (_, raw) = try blocks.raw(kind)
            guard let index = FieldIndex.decode(raw, rowCount: blocks.rowCount) else {
                throw blocks.corrupt("filter index of field \(ordinal) does not decode", entry.offsetBytes)
            }
            return index
        } catch {
            blocks.record(error)
            return nil
        }
    }
}
