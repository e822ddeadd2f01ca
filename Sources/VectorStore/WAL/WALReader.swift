import Codecs

/// Reads one WAL file, verifying the file header and every record's two checksums.
///
/// A crash can only damage the **tail** of the newest WAL file: records are appended, and a file is
/// `fsync`ed whole before the log rotates to the next one. So, in the newest file only, a tail that
/// is a short frame header, a frame whose payload runs past the end of the file, or all zero bytes is
/// a torn write that was never acknowledged; the scan stops before it and reports `validBytes` for
/// the writer to truncate. Anything else — a header or payload checksum mismatch, an impossible
/// length, damage in an older file — is corruption, reported with the file and the byte offset of
/// the record. Nothing is skipped silently.
enum WALReader {
    struct Scan {
        var records: [WALRecord]
        /// Bytes from the start of the file that hold the file header and whole, valid records.
        var validBytes: Int
        /// `true` when the file's end held a torn, unacknowledged write (or a torn file header).
        var hadTornTail: Bool
    }

    static func scan(_ bytes: [UInt8], file: String, isNewest: Bool) throws(StoreError) -> Scan {
        func corrupt(_ message: String, _ offset: Int) -> StoreError {
            StoreError(code: .corruption, message: "WAL: \(message)", file: file, offsetBytes: offset)
        }
        func torn(_ records: [WALRecord], at offset: Int) throws(StoreError) -> Scan {
            guard isNewest else { throw corrupt("truncated record in a WAL file that was complete", offset) }
            return Scan(records: records, validBytes: offset, hadTornTail: offset < bytes.count)
        }
        let headerBytes = WALRecord.fileHeaderBytes
        if bytes.count < headerBytes || bytes.allSatisfy({ $0 == 0 }) { return try torn([], at: 0) }
        var header = ByteReader(bytes[0..<headerBytes])
        guard header.readBytes(8).map(Array.init) == WALRecord.fileMagic, let version = header.readUInt32(),
            header.readUInt32() == CRC32C.checksum(bytes[0..<12])
        else { throw corrupt("bad file header", 0) }
        guard version == WALRecord.formatVersion else {
            throw corrupt("format version \(version) is not supported (expected \(WALRecord.formatVersion))", 0)
        }
        var records: [WALRecord] = []
        var offset = headerBytes
        while offset < bytes.count {
            let frameEnd = offset + WALRecord.frameHeaderBytes
            if frameEnd > bytes.count || bytes[offset...].allSatisfy({ $0 == 0 }) {
                return try torn(records, at: offset)
            }
            var frame = ByteReader(bytes[offset..<frameEnd])
            guard let payloadBytes = frame.readUInt32(), let kind = frame.readByte(), frame.readBytes(3) != nil,
                let payloadChecksum = frame.readUInt32(), let headerChecksum = frame.readUInt32()
            else { return try torn(records, at: offset) }
            guard headerChecksum == CRC32C.checksum(bytes[offset..<(offset + 12)]) else {
                throw corrupt("record header checksum mismatch", offset)
            }
            guard Int(payloadBytes) <= WALRecord.payloadBytesMax else {
                throw corrupt("record of \(payloadBytes) bytes is over the limit", offset)
            }
            let end = frameEnd + Int(payloadBytes)
            if end > bytes.count { return try torn(records, at: offset) }
            let payload = bytes[frameEnd..<end]
            guard CRC32C.checksum(payload) == payloadChecksum else {
                throw corrupt("record payload checksum mismatch", offset)
            }
            records.append(try WALRecord.decode(kind: kind, payload: payload, file: file, offset: offset))
            offset = end
        }
        return Scan(records: records, validBytes: offset, hadTornTail: false)
    }
}
