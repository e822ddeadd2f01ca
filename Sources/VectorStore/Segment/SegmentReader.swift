import Codecs
import Foundation

/// An open, verified, immutable segment: the file is memory-mapped, every block's checksum and every
/// padding byte is verified once at open, the vector block is used in place from the mapping, and
/// the small blocks (ids, field columns, sequences, tombstones, lexical index) are decoded into memory.
/// Columns of fields added to the schema after the segment was written are absent: those fields
/// read as missing (their default applies).
final class SegmentReader: Sendable {
    let path: String
    let fileNumber: UInt64
    let fileBytes: Int
    let sequenceMax: UInt64
    let source: SearchSource
    let tombstones: [(sequence: UInt64, id: String)]

    init(path: String, fileNumber: UInt64, schema: CollectionSchema) throws(StoreError) {
        self.path = path
        self.fileNumber = fileNumber
        let dimension = schema.vectors[0].dimension
        let file = try MappedFile(path: path)
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
        guard let version = reader.readUInt32(), version == SegmentFormat.formatVersion else {
            throw corrupt("unsupported format version", 8)
        }
        guard let storedDimension = reader.readUInt32(), Int(storedDimension) == dimension,
            let rowCount32 = reader.readUInt32(), let tombstoneCount32 = reader.readUInt32(),
            let sequenceMax = reader.readUInt64(), reader.readBytes(4) != nil, let fieldCount = reader.readUInt32(),
            let vectorFieldCount = reader.readUInt32()
        else { throw corrupt("dimension differs from the collection's \(dimension)", 12) }
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
            guard bytes[expectedOffset..<entry.offsetBytes].allSatisfy({ $0 == 0 }) else {
                throw corrupt("non-zero padding before a block", expectedOffset)
            }
            let stored = UnsafeRawBufferPointer(
                rebasing: bytes[entry.offsetBytes..<(entry.offsetBytes + entry.storedBytes)]
            )
            guard CRC32C.checksum(stored) == entry.checksum else {
                throw corrupt("block \(entry.kind) checksum mismatch", entry.offsetBytes)
            }
            blocks[entry.kind] = entry
            expectedOffset = entry.offsetBytes + entry.storedBytes
        }
        guard bytes[expectedOffset..<directoryOffset].allSatisfy({ $0 == 0 }) else {
            throw corrupt("non-zero padding before the block directory", expectedOffset)
        }
        func block(
            _ kind: SegmentFormat.BlockKind
        ) throws(StoreError) -> (entry: SegmentFormat.BlockEntry, raw: [UInt8]) {
            try block(raw: kind.rawValue)
        }
        func block(raw kind: UInt32) throws(StoreError) -> (entry: SegmentFormat.BlockEntry, raw: [UInt8]) {
            guard let entry = blocks[kind] else { throw corrupt("missing block \(kind)", directoryOffset) }
            let stored = file.copy(entry.offsetBytes..<(entry.offsetBytes + entry.storedBytes))
            guard let raw = SegmentFormat.decompress(stored, codec: entry.codec, rawBytes: entry.rawBytes) else {
                throw corrupt("block \(kind) does not decompress", entry.offsetBytes)
            }
            return (entry, raw)
        }

        // Vectors: used in place.
        var vectorOffsets: [Int] = []
        for (field, definition) in schema.vectors.enumerated() {
            guard let entry = blocks[SegmentFormat.vectorKind(field)], entry.codec == 0,
                entry.storedBytes == rowCount * definition.dimension * 4
            else {
                throw corrupt("vector block \(field) has the wrong size or is compressed", directoryOffset)
            }
            vectorOffsets.append(entry.offsetBytes)
        }

        let sequenceBlock = try block(.sequences)
        guard sequenceBlock.raw.count == rowCount * 8 else {
            throw corrupt("sequence block has the wrong size", sequenceBlock.entry.offsetBytes)
        }
        var sequenceReader = ByteReader(sequenceBlock.raw)
        let sequences = (0..<rowCount).map { _ in sequenceReader.readUInt64() ?? 0 }

        let idBlock = try block(.ids)
        var idReader = ByteReader(idBlock.raw)
        var ids: [String] = []
        ids.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            guard let id = idReader.readShortString() else {
                throw corrupt("id of row \(row) does not decode", idBlock.entry.offsetBytes)
            }
            ids.append(id)
        }
        guard idReader.remaining == 0 else { throw corrupt("trailing id bytes", idBlock.entry.offsetBytes) }

        var columns: [[FieldValue?]] = []
        for ordinal in 0..<Int(fieldCount) {
            let type = schema.fields[ordinal].type
            let columnBlock = try block(raw: SegmentFormat.columnKind(ordinal))
            var columnReader = ByteReader(columnBlock.raw)
            guard columnReader.readByte() == type.tag else {
                throw corrupt(
                    "column '\(schema.fields[ordinal].name)' is not of type \(type.rawValue)",
                    columnBlock.entry.offsetBytes
                )
            }
            var column: [FieldValue?] = []
            column.reserveCapacity(rowCount)
            for row in 0..<rowCount {
                switch columnReader.readByte() {
                case 0?: column.append(nil)
                case 1?:
                    guard let value = FieldValue.readBody(type, &columnReader) else {
                        throw corrupt(
                            "column '\(schema.fields[ordinal].name)' row \(row) does not decode",
                            columnBlock.entry.offsetBytes
                        )
                    }
                    column.append(value)
                default:
                    throw corrupt(
                        "column '\(schema.fields[ordinal].name)' row \(row): bad presence byte",
                        columnBlock.entry.offsetBytes
                    )
                }
            }
            guard columnReader.remaining == 0 else {
                throw corrupt(
                    "trailing bytes in column '\(schema.fields[ordinal].name)'",
                    columnBlock.entry.offsetBytes
                )
            }
            columns.append(column)
        }

        let tombstoneBlock = try block(.tombstones)
        var tombstoneReader = ByteReader(tombstoneBlock.raw)
        var tombstones: [(sequence: UInt64, id: String)] = []
        for _ in 0..<tombstoneCount {
            guard let sequence = tombstoneReader.readUInt64(), let id = tombstoneReader.readShortString() else {
                throw corrupt("tombstone does not decode", tombstoneBlock.entry.offsetBytes)
            }
            tombstones.append((sequence, id))
        }
        guard tombstoneReader.remaining == 0 else {
            throw corrupt("trailing tombstone bytes", tombstoneBlock.entry.offsetBytes)
        }
        self.tombstones = tombstones

        let lexicalBlock = try block(.lexical)
        guard let lexical = LexicalPostings.decode(lexicalBlock.raw, rowCount: rowCount) else {
            throw corrupt("lexical index does not decode", lexicalBlock.entry.offsetBytes)
        }
        let timeBlock = try block(.times)
        guard timeBlock.raw.count == rowCount * 16 else {
            throw corrupt("time block has the wrong size", timeBlock.entry.offsetBytes)
        }
        var timeReader = ByteReader(timeBlock.raw)
        var writtenAtMs: [UInt64] = []
        var expiresAtMs: [UInt64] = []
        for _ in 0..<rowCount {
            writtenAtMs.append(timeReader.readUInt64() ?? 0)
            expiresAtMs.append(timeReader.readUInt64() ?? 0)
        }
        let graph = try Self.loadGraph(
            file: file,
            blocks: blocks,
            vectorOffset: vectorOffsets[0],
            rowCount: rowCount,
            dimension: dimension,
            corrupt: corrupt
        )
        source = SearchSource(
            ids: ids,
            columns: columns,
            sequences: sequences,
            dimensions: schema.vectors.map(\.dimension),
            vectors: vectorOffsets.map { .mapped(file, offsetBytes: $0) },
            lexical: lexical,
            writtenAtMs: writtenAtMs,
            expiresAtMs: expiresAtMs,
            graph: graph,
            filterIndexes: FilterIndexSet(.segment(SegmentIndexBlocks(file: file, directory: blocks)))
        )
    }
}

extension UInt32 {
    init(littleEndianBytes bytes: ArraySlice<UInt8>) {
        var value: UInt32 = 0
        for (index, byte) in bytes.prefix(4).enumerated() { value |= UInt32(byte) << (8 * index) }
        self = value
    }
}
