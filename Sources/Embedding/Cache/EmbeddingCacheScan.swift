import Codecs

/// The result of reading a cache log from its start: where each vector lies, and where the intact
/// prefix ends.
struct EmbeddingCacheScan {
    /// File magic, 8 bytes: `VDBEMBC1`.
    static let magic: [UInt8] = Array("VDBEMBC1".utf8)

    /// Byte offset of each key's float32 components, and their count.
    var locations: [EmbeddingCacheKey: (offsetBytes: Int, dimension: Int)] = [:]
    /// Length of the intact prefix; bytes after it are a torn tail to truncate.
    var validEndBytes = 0

    /// Scans a whole log.
    ///
    /// A record cut short by the end of the file, or the last record failing its checksum, is a torn
    /// append and ends the scan. A record that fails its checksum or does not parse while more bytes
    /// follow it is corruption.
    ///
    /// - Throws: `EmbeddingCacheError` `.corruption` naming `file` and the record's offset.
    init(bytes: [UInt8], file: String) throws(EmbeddingCacheError) {
        if bytes.count < Self.magic.count {
            // An empty or torn header: the log restarts.
            guard Self.magic.starts(with: bytes) else {
                throw EmbeddingCacheError(code: .corruption, message: "not an embedding cache log", file: file)
            }
            return
        }
        guard bytes.starts(with: Self.magic) else {
            throw EmbeddingCacheError(
                code: .corruption,
                message: "not an embedding cache log (bad magic)",
                file: file,
                offsetBytes: 0
            )
        }
        var offset = Self.magic.count
        let slice = bytes[...]
        while bytes.count - offset >= EmbeddingCacheRecord.headerBytes {
            var cursor = offset
            let length = Int(EmbeddingCacheRecord.read(UInt32.self, slice, &cursor) ?? 0)
            let checksum = EmbeddingCacheRecord.read(UInt32.self, slice, &cursor) ?? 0
            let end = cursor + length
            if length > EmbeddingCacheRecord.payloadBytesMax || length == 0 {
                if bytes[offset...].allSatisfy({ $0 == 0 }) { break }  // zero-filled tail after a crash
                throw Self.corruption("record length \(length) is out of range", file, offset)
            }
            if end > bytes.count { break }  // torn append
            let payload = slice[cursor..<end]
            guard CRC32C.checksum(payload) == checksum else {
                if end == bytes.count { break }  // the last append was torn
                throw Self.corruption("record checksum mismatch", file, offset)
            }
            guard let decoded = EmbeddingCacheRecord.decode(payload: payload) else {
                throw Self.corruption("record fields are inconsistent", file, offset)
            }
            locations[decoded.key] = (decoded.vectorOffset, decoded.dimension)
            offset = end
        }
        validEndBytes = offset
    }

    private static func corruption(_ message: String, _ file: String, _ offset: Int) -> EmbeddingCacheError {
        EmbeddingCacheError(code: .corruption, message: message, file: file, offsetBytes: offset)
    }
}
