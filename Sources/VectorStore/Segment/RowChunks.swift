import Codecs

/// The row-chunked block layout (format version 3) of ids and field columns: rows are cut into
/// chunks of `chunkRows` rows, each compressed and checksummed on its own, so one row (a search hit)
/// is read by decoding one chunk, not the whole block (docs/formats/segment.md, "Row-chunked blocks").
///
/// `chunkRows u32 | chunkCount u32 | typeTag u8 | 3 zero | chunkCount × (storedBytes u32, rawBytes u32,
/// checksum u32) | tableChecksum u32 | chunks, back to back`.
struct RowChunks: Sendable {
    struct Chunk: Sendable {
        var offsetBytes: Int
        var storedBytes: Int
        var rawBytes: Int
        var checksum: UInt32
    }

    /// Rows per chunk (the last chunk may hold fewer).
    let chunkRows: Int
    /// Column type tag (0 for the ids block).
    let typeTag: UInt8
    /// Offsets relative to the block start.
    let chunks: [Chunk]

    /// Raw bytes a chunk aims at: small enough that a hit decodes little, big enough to compress.
    static let chunkBytesTarget = 4 * 1024
    static let chunkRowsRange = 16...1_024
    /// Rows per chunk a reader accepts: what any writer chose (4096 before chunks aimed at 4 KiB).
    static let readableChunkRows = 16...4_096
    static let fixedBytes = 16

    /// The rows of chunk `index`.
    func rows(of index: Int, rowCount: Int) -> Range<Int> {
        index * chunkRows..<min((index + 1) * chunkRows, rowCount)
    }

    /// Encodes rows given as one byte array and each row's end offset in it; `rowsPerChunk`
    /// overrides the writer's choice (tests of what older writers chose).
    static func encode(
        _ bytes: [UInt8],
        rowEnds: [Int],
        typeTag: UInt8,
        codec: StoreOptions.Codec,
        rowsPerChunk: Int? = nil
    ) throws(StoreError) -> (stored: [UInt8], rawBytes: Int) {
        let rowCount = rowEnds.count
        let average = max(1, bytes.count / max(rowCount, 1))
        var chunkRows = chunkRowsRange.lowerBound
        while chunkRows * 2 * average <= chunkBytesTarget, chunkRows * 2 <= chunkRowsRange.upperBound { chunkRows *= 2 }
        if let rowsPerChunk {
            precondition(readableChunkRows.contains(rowsPerChunk), "rows per chunk a reader accepts")
            chunkRows = rowsPerChunk
        }
        var table: [UInt8] = []
        var data: [UInt8] = []
        let chunkCount = (rowCount + chunkRows - 1) / chunkRows
        table.appendLittleEndian(UInt32(chunkRows))
        table.appendLittleEndian(UInt32(chunkCount))
        table.append(contentsOf: [typeTag, 0, 0, 0])
        for chunk in 0..<chunkCount {
            let start = chunk == 0 ? 0 : rowEnds[chunk * chunkRows - 1]
            let end = rowEnds[min((chunk + 1) * chunkRows, rowCount) - 1]
            let raw = Array(bytes[start..<end])
            let stored = try SegmentFormat.compress(raw, codec: codec)
            table.appendLittleEndian(UInt32(stored.count))
            table.appendLittleEndian(UInt32(raw.count))
            table.appendLittleEndian(CRC32C.checksum(stored))
            data.append(contentsOf: stored)
        }
        table.appendLittleEndian(CRC32C.checksum(table))
        return (table + data, bytes.count)
    }

    /// Parses and verifies the chunk table at the start of a block's stored bytes.
    static func decode(_ stored: UnsafeRawBufferPointer, rowCount: Int) -> RowChunks? {
        guard stored.count >= fixedBytes else { return nil }
        var header = ByteReader(Array(stored[0..<12]))
        guard let rows32 = header.readUInt32(), let count32 = header.readUInt32(), let tag = header.readByte(),
            readableChunkRows.contains(Int(rows32)), Int(count32) == (rowCount + Int(rows32) - 1) / Int(rows32)
        else { return nil }
        let tableBytes = 12 + 12 * Int(count32)
        guard stored.count >= tableBytes + 4 else { return nil }
        let table = Array(stored[0..<tableBytes])
        guard CRC32C.checksum(table) == UInt32(littleEndianBytes: Array(stored[tableBytes..<(tableBytes + 4)])[...])
        else { return nil }
        var reader = ByteReader(table[12...])
        var chunks: [Chunk] = []
        chunks.reserveCapacity(Int(count32))
        var offset = tableBytes + 4
        for _ in 0..<count32 {
            guard let storedBytes = reader.readUInt32(), let rawBytes = reader.readUInt32(),
                let checksum = reader.readUInt32(), Int(rawBytes) <= SegmentFormat.blockBytesMax
            else { return nil }
            chunks.append(
                Chunk(offsetBytes: offset, storedBytes: Int(storedBytes), rawBytes: Int(rawBytes), checksum: checksum)
            )
            offset += Int(storedBytes)
        }
        guard offset == stored.count else { return nil }
        return RowChunks(chunkRows: Int(rows32), typeTag: tag, chunks: chunks)
    }
}
