import Codecs

/// The framing shared by the small root files of a collection (`MANIFEST`, `versions/MANIFEST-N`,
/// `PINS`; docs/formats/manifest.md): a 24-byte header — magic (8 bytes), format version (`u32`),
/// payload length (`u32`), CRC-32C of the payload, CRC-32C of the header's first 20 bytes — then the
/// payload. Checked whole on every read, so damage is reported with the file and offset.
enum ChecksummedFile {
    static let headerBytes = 24

    /// The header followed by `payload`.
    static func frame(magic: [UInt8], formatVersion: UInt32, payload: [UInt8]) -> [UInt8] {
        precondition(magic.count == 8, "magic is 8 bytes")
        var bytes = magic
        bytes.appendLittleEndian(formatVersion)
        bytes.appendLittleEndian(UInt32(payload.count))
        bytes.appendLittleEndian(CRC32C.checksum(payload))
        bytes.appendLittleEndian(CRC32C.checksum(bytes))
        bytes.append(contentsOf: payload)
        return bytes
    }

    /// Verifies the header and the payload checksum and returns the format version and the payload.
    ///
    /// - Parameters:
    ///   - kind: names the file in messages ("manifest", "pins").
    ///   - formatVersions: the versions this build reads.
    /// - Throws: `StoreError.corruption` with `file` and the offset of the damaged field.
    static func unframe(
        _ bytes: [UInt8],
        magic: [UInt8],
        formatVersions: ClosedRange<UInt32>,
        kind: String,
        file: String
    ) throws(StoreError) -> (formatVersion: UInt32, payload: ArraySlice<UInt8>) {
        func corrupt(_ message: String, _ offset: Int) -> StoreError {
            StoreError(code: .corruption, message: "\(kind): \(message)", file: file, offsetBytes: offset)
        }
        guard bytes.count >= headerBytes else { throw corrupt("file of \(bytes.count) bytes is too short", 0) }
        var header = ByteReader(bytes[0..<headerBytes])
        guard header.readBytes(8).map(Array.init) == magic, let version = header.readUInt32(),
            let payloadBytes = header.readUInt32(), let payloadChecksum = header.readUInt32(),
            header.readUInt32() == CRC32C.checksum(bytes[0..<20])
        else { throw corrupt("bad header (magic or checksum)", 0) }
        guard formatVersions.contains(version) else { throw corrupt("unsupported format version \(version)", 8) }
        guard Int(payloadBytes) == bytes.count - headerBytes else {
            throw corrupt("header records \(payloadBytes) payload bytes, file has \(bytes.count - headerBytes)", 12)
        }
        let payload = bytes[headerBytes...]
        guard CRC32C.checksum(payload) == payloadChecksum else {
            throw corrupt("payload checksum mismatch", headerBytes)
        }
        return (version, payload)
    }
}
