import Codecs
import Foundation
import HNSW

/// An open, immutable segment. Opening maps the file and reads its header, trailer and block
/// directory only (their checksums verified): work independent of the rows stored. Blocks are
/// verified and decoded when first read (`SegmentRows`), the vector and graph blocks are used in
/// place from the mapping, and `verify()` checks every byte (a scrub). Columns of fields added to
/// the schema after the segment was written are absent: those fields read as missing (their
/// default applies). Format versions 2 and 3 open (docs/formats/segment.md).
final class SegmentReader: Sendable {
    let path: String
    let fileNumber: UInt64
    let fileBytes: Int
    let sequenceMax: UInt64
    let tombstoneCount: Int
    /// From the header (version 3); `nil` for version 2, whose times must be read to know.
    let expiryStats: SegmentFormat.ExpiryStats?
    let source: SearchSource
    let rows: SegmentRows

    init(
        path: String,
        fileNumber: UInt64,
        schema: CollectionSchema,
        fileSystem: any StoreFileSystem = POSIXFileSystem()
    ) throws(StoreError) {
        self.path = path
        self.fileNumber = fileNumber
        let dimension = schema.vectors[0].dimension
        let file = try fileSystem.map(path)
        let bytes = file.bytes
        fileBytes = bytes.count
        func corrupt(_ message: String, _ offset: Int) -> StoreError {
            StoreError(code: .corruption, message: "segment: \(message)", file: path, offsetBytes: offset)
        }
        let minimum = SegmentFormat.headerBytes + SegmentFormat.trailerBytes
        guard bytes.count >= minimum else { throw corrupt("file of \(bytes.count) bytes is too short", 0) }

        // Header.
        let header = Array(bytes[0..<SegmentFormat.headerBytes])
        var reader = ByteReader(header)
        guard reader.readBytes(8).map(Array.init) == SegmentFormat.headerMagic,
            CRC32C.checksum(header[0..<60]) == UInt32(littleEndianBytes: header[60..<64])
        else { throw corrupt("bad header (magic or checksum)", 0) }
        guard let version = reader.readUInt32(), SegmentFormat.readableVersions.contains(version) else {
            throw corrupt("unsupported format version", 8)
        }
        guard let storedDimension = reader.readUInt32(), Int(storedDimension) == dimension,
            let rowCount32 = reader.readUInt32(), let tombstoneCount32 = reader.readUInt32(),
            let sequenceMax = reader.readUInt64(), let codec = reader.readByte(), reader.readBytes(3) != nil,
            let fieldCount = reader.readUInt32(), let vectorFieldCount = reader.readUInt32()
        else { throw corrupt("dimension differs from the collection's \(dimension)", 12) }
        if version >= 3, let writtenMin = reader.readUInt64(), let expiresMin = reader.readUInt64() {
            expiryStats = SegmentFormat.ExpiryStats(writtenAtMsMin: writtenMin, expiresAtMsMin: expiresMin)
        } else {
            expiryStats = nil
        }
        guard Int(fieldCount) <= schema.fields.count, Int(vectorFieldCount) == schema.vectors.count else {
            throw corrupt(
                "segment has \(fieldCount) fields and \(vectorFieldCount) vector fields; the schema has "
                    + "\(schema.fields.count) and \(schema.vectors.count)",
                36
            )
        }
        let rowCount = Int(rowCount32)
        let tombstoneCount = Int(tombstoneCount32)
        guard rowCount <= SegmentFormat.rowCountMax, tombstoneCount <= SegmentFormat.rowCountMax else {
            throw corrupt("row count over the limit", 16)
        }
        self.sequenceMax = sequenceMax
        self.tombstoneCount = tombstoneCount

        // Trailer and block directory.
        let trailerOffset = bytes.count - SegmentFormat.trailerBytes
        var trailer = ByteReader(Array(bytes[trailerOffset...]))
        guard let directoryOffset64 = trailer.readUInt64(), let blockCount = trailer.readUInt32(),
            let directoryChecksum = trailer.readUInt32(), let storedFileBytes = trailer.readUInt64(),
            trailer.readBytes(8).map(Array.init) == SegmentFormat.trailerMagic
        else { throw corrupt("bad trailer magic", trailerOffset) }
        guard storedFileBytes == UInt64(bytes.count) else {
            throw corrupt("trailer records \(storedFileBytes) bytes, file has \(bytes.count)", trailerOffset + 16)
        }
        let directoryBytes = Int(blockCount) * SegmentFormat.directoryEntryBytes
        guard directoryOffset64 <= UInt64(trailerOffset), Int(directoryOffset64) + directoryBytes == trailerOffset
        else { throw corrupt("block directory out of range", trailerOffset) }
        let directoryOffset = Int(directoryOffset64)
        let directory = Array(bytes[directoryOffset..<trailerOffset])
        guard CRC32C.checksum(directory) == directoryChecksum else {
            throw corrupt("block directory checksum mismatch", directoryOffset)
        }
        var directoryReader = ByteReader(directory)
        var blocks: [UInt32: SegmentFormat.BlockEntry] = [:]
        var expectedOffset = SegmentFormat.headerBytes
        for _ in 0..<blockCount {
            guard let entry = SegmentFormat.BlockEntry.decode(&directoryReader), blocks[entry.kind] == nil,
                entry.offsetBytes >= expectedOffset, entry.offsetBytes % SegmentFormat.alignmentBytes == 0,
                entry.offsetBytes + entry.storedBytes <= directoryOffset
            else { throw corrupt("bad block directory entry", directoryOffset) }
            blocks[entry.kind] = entry
            expectedOffset = entry.offsetBytes + entry.storedBytes
        }
        var required = [SegmentFormat.BlockKind.sequences, .ids, .tombstones, .times].map(\.rawValue)
        required += (0..<Int(fieldCount)).map(SegmentFormat.columnKind)
        // The BM25 index: the per-term blocks (version 3), or the whole block of earlier segments.
        let wholeLexical = SegmentFormat.BlockKind.lexical.rawValue
        required += version >= 3 && blocks[wholeLexical] == nil ? SegmentFormat.lexicalKinds : [wholeLexical]
        if version >= 3 { required.append(SegmentFormat.BlockKind.primaryKeys.rawValue) }
        if let missing = required.first(where: { blocks[$0] == nil }) {
            throw corrupt("missing block \(missing)", directoryOffset)
        }
        guard blocks[wholeLexical] == nil || SegmentFormat.lexicalKinds.allSatisfy({ blocks[$0] == nil }) else {
            throw corrupt("both lexical layouts present", directoryOffset)
        }
        // Vectors and lexical lengths are used in place: sizes are checked now, bytes by `verify()`.
        if let lengths = blocks[SegmentFormat.BlockKind.lexicalLengths.rawValue],
            lengths.codec != 0 || lengths.storedBytes != rowCount * 4
        {
            throw corrupt("lexical length block has the wrong size or is compressed", directoryOffset)
        }
        for (field, definition) in schema.vectors.enumerated() {
            guard let entry = blocks[SegmentFormat.vectorKind(field)], entry.codec == 0,
                entry.storedBytes == rowCount * definition.dimension * 4
            else {
                throw corrupt("vector block \(field) has the wrong size or is compressed", directoryOffset)
            }
        }
        let segmentBlocks = SegmentBlocks(
            file: file,
            version: version,
            rowCount: rowCount,
            codec: codec,
            entries: blocks,
            directoryOffset: directoryOffset
        )
        rows = SegmentRows(
            blocks: segmentBlocks,
            fields: schema.fields.prefix(Int(fieldCount)).map { ($0.name, $0.type) },
            tombstoneCount: tombstoneCount,
            dimension: dimension,
            headerStats: expiryStats
        )
        source = SearchSource(
            rowCount: rowCount,
            rows: .segment(rows),
            dimensions: schema.vectors.map(\.dimension),
            vectors: schema.vectors.indices.map { field in
                .mapped(file, offsetBytes: blocks[SegmentFormat.vectorKind(field)]?.offsetBytes ?? 0)
            },
            filterIndexes: FilterIndexSet(.segment(SegmentIndexBlocks(blocks: segmentBlocks)))
        )
    }

    /// The deletes the segment carries, decoded on first use.
    func tombstones() throws(StoreError) -> [SegmentWriter.Tombstone] { try rows.tombstones() }

    /// What reading this segment has cost so far.
    var counters: SegmentCounters { rows.blocks.counters }

    /// Checks every byte of the file (a scrub): each block's checksum over its stored bytes, the
    /// padding between blocks zero, and every block decoding (ids, columns, sequences, times,
    /// tombstones, lexical index — each posting list, the term order, the row bounds —, graph
    /// structure).
    ///
    /// - Throws: `StoreError.corruption` with the path and the offset of the first damage found.
    func verify() throws(StoreError) {
        let blocks = rows.blocks
        let bytes = blocks.file.bytes
        var expectedOffset = SegmentFormat.headerBytes
        // An empty block shares its offset with the next one: it sorts first.
        let ordered = blocks.entries.values.sorted {
            ($0.offsetBytes, $0.storedBytes) < ($1.offsetBytes, $1.storedBytes)
        }
        for entry in ordered {
            guard entry.offsetBytes >= expectedOffset else {
                throw blocks.corrupt("block \(entry.kind) overlaps the block before it", entry.offsetBytes)
            }
            guard bytes[expectedOffset..<entry.offsetBytes].allSatisfy({ $0 == 0 }) else {
                throw blocks.corrupt("non-zero padding before a block", expectedOffset)
            }
            guard CRC32C.checksum(blocks.mapped(entry)) == entry.checksum else {
                throw blocks.corrupt("block \(entry.kind) checksum mismatch", entry.offsetBytes)
            }
            expectedOffset = entry.offsetBytes + entry.storedBytes
        }
        guard bytes[expectedOffset..<blocks.directoryOffset].allSatisfy({ $0 == 0 }) else {
            throw blocks.corrupt("non-zero padding before the block directory", expectedOffset)
        }
        _ = try rows.ids()
        for ordinal in rows.fields.indices { _ = try rows.column(ordinal) }
        _ = try rows.sequences()
        _ = try rows.times()
        _ = try rows.tombstones()
        try rows.verifyLexical()
        if let graph = try rows.graph() {
            do {
                try graph.verifyLinks()
            } catch {
                throw blocks.corrupt(
                    error.message,
                    blocks.entries[SegmentFormat.BlockKind.graphLevel0.rawValue]?.offsetBytes ?? 0
                )
            }
        }
        try rows.verifyPrimaryKeys()
    }
}

extension UInt32 {
    init(littleEndianBytes bytes: ArraySlice<UInt8>) {
        var value: UInt32 = 0
        for (index, byte) in bytes.prefix(4).enumerated() { value |= UInt32(byte) << (8 * index) }
        self = value
    }
}
