import Codecs

/// The on-disk format of one cached body, verified on every read.
///
/// ```
/// offset  size  field
///      0     4  magic "VDBR"
///      4     1  format version (1)
///      5     3  reserved, zero
///      8     8  raw (uncompressed) length in bytes, little-endian
///     16     4  CRC-32C of the raw bytes, little-endian
///     20     8  compressed length in bytes, little-endian
///     28     n  one zstd frame holding the raw bytes
/// ```
///
/// The zstd frame may omit its content size (records streamed by `CacheRecordWriter` do); the raw
/// length field is authoritative and must match the frame's when both are present.
enum CacheRecord {
    static let magic: [UInt8] = Array("VDBR".utf8)
    static let version: UInt8 = 1
    static let headerBytes = 28

    /// Encodes raw bytes into a record.
    static func encode(_ raw: [UInt8]) throws(EDGARError) -> [UInt8] {
        let compressed: [UInt8]
        do {
            compressed = try ZstdCodec.compress(raw, level: 3)
        } catch {
            throw EDGARError(code: .io, source: "zstd", message: "compression failed", cause: "\(error)")
        }
        var record = header(rawLength: raw.count, crc: CRC32C.checksum(raw), compressedLength: compressed.count)
        record += compressed
        return record
    }

    /// The 28-byte header for a record whose frame follows it.
    static func header(rawLength: Int, crc: UInt32, compressedLength: Int) -> [UInt8] {
        var header = magic + [version, 0, 0, 0]
        appendLittleEndian(UInt64(rawLength), to: &header)
        appendLittleEndian(crc, to: &header)
        appendLittleEndian(UInt64(compressedLength), to: &header)
        return header
    }

    /// Decodes and verifies a record.
    ///
    /// - Throws: `EDGARError.cacheCorrupted` naming `path` and the failed check.
    static func decode(_ record: [UInt8], path: String, rawBytesMax: Int) throws(EDGARError) -> [UInt8] {
        func corrupt(_ message: String) -> EDGARError {
            EDGARError(code: .cacheCorrupted, source: path, message: message)
        }
        guard record.count >= headerBytes, Array(record[0..<4]) == magic else {
            throw corrupt("bad magic or short header")
        }
        guard record[4] == version else { throw corrupt("unknown format version \(record[4])") }
        let rawLength = readLittleEndian(UInt64.self, record, at: 8)
        let crc = readLittleEndian(UInt32.self, record, at: 16)
        let compressedLength = readLittleEndian(UInt64.self, record, at: 20)
        guard compressedLength == UInt64(record.count - headerBytes) else {
            throw corrupt("compressed length \(compressedLength) but \(record.count - headerBytes) bytes follow")
        }
        guard rawLength <= UInt64(rawBytesMax) else { throw corrupt("raw length \(rawLength) exceeds the cap") }
        let raw: [UInt8]
        do {
            raw = try ZstdCodec.decompress(
                Array(record[headerBytes...]),
                maxOutputBytes: Int(rawLength),
                expectedOutputBytes: Int(rawLength)
            )
        } catch {
            throw EDGARError(code: .cacheCorrupted, source: path, message: "zstd frame is invalid", cause: "\(error)")
        }
        guard raw.count == Int(rawLength) else {
            throw corrupt("decompressed \(raw.count) bytes, expected \(rawLength)")
        }
        guard CRC32C.checksum(raw) == crc else { throw corrupt("CRC-32C mismatch") }
        return raw
    }

    private static func appendLittleEndian<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func readLittleEndian<T: FixedWidthInteger>(_ type: T.Type, _ bytes: [UInt8], at offset: Int) -> T {
        var value: T = 0
        for index in 0..<MemoryLayout<T>.size { value |= T(bytes[offset + index]) << (8 * index) }
        return value
    }
}
