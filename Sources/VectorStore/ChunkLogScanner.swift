import Codecs

/// Reads a whole chunk log, verifying every record.
///
/// Each record is one acknowledged batch, written by one append and one `fsync`, so only the **last**
/// record can be torn by a crash: a damaged last record (short, zero-filled or failing its checksum)
/// was never acknowledged, and the scan stops before it, reporting `validBytes` for the caller to
/// truncate. A damaged record followed by more data is corruption and throws, naming the file and
/// offset.
enum ChunkLogScanner {
    struct Result {
        var records: [ChunkRecord]
        /// Bytes from the start of the file that hold whole, valid records.
        var validBytes: Int
    }

    static func scan(_ bytes: [UInt8], file: String) throws(StoreError) -> Result {
        var records: [ChunkRecord] = []
        var offset = 0
        while offset < bytes.count {
            var header = ByteReader(bytes[offset...])
            guard let magic = header.readUInt32(), let length = header.readUInt32(), let checksum = header.readUInt32()
            else { return Result(records: records, validBytes: offset) }
            guard magic == ChunkLogRecord.magic, Int(length) <= ChunkLogRecord.payloadBytesMax else {
                if bytes[offset...].allSatisfy({ $0 == 0 }) { return Result(records: records, validBytes: offset) }
                throw StoreError(
                    code: .corruption,
                    message: "chunk log: bad record header",
                    file: file,
                    offsetBytes: offset
                )
            }
            let end = offset + ChunkLogRecord.headerBytes + Int(length)
            if end > bytes.count { return Result(records: records, validBytes: offset) }
            let payload = bytes[(offset + ChunkLogRecord.headerBytes)..<end]
            guard CRC32C.checksum(payload) == checksum else {
                if end == bytes.count { return Result(records: records, validBytes: offset) }
                throw StoreError(
                    code: .corruption,
                    message: "chunk log: checksum mismatch",
                    file: file,
                    offsetBytes: offset
                )
            }
            records.append(contentsOf: try ChunkLogRecord.decodePayload(payload, file: file, offset: offset))
            offset = end
        }
        return Result(records: records, validBytes: offset)
    }
}
