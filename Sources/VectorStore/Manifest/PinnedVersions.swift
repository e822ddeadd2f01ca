/// The `PINS` file of a collection (docs/formats/manifest.md): the manifest versions a user pinned,
/// exempt from retention. Replaced atomically on every pin and unpin.
enum PinnedVersions {
    static let fileName = "PINS"
    static let magic: [UInt8] = Array("VDB-PIN\n".utf8)
    static let formatVersion: UInt32 = 1
    /// Upper bound of pinned versions (each keeps its segment files on disk).
    static let countMax = 10_000

    /// The framed file: `count u32`, then the versions as `u64`, ascending.
    static func encode(_ pins: Set<UInt64>) -> [UInt8] {
        var payload: [UInt8] = []
        payload.appendLittleEndian(UInt32(pins.count))
        for version in pins.sorted() { payload.appendLittleEndian(version) }
        return ChecksummedFile.frame(magic: magic, formatVersion: formatVersion, payload: payload)
    }

    /// - Throws: `StoreError.corruption` naming `file` and the offset.
    static func decode(_ bytes: [UInt8], file: String) throws(StoreError) -> Set<UInt64> {
        let (_, payload) = try ChecksummedFile.unframe(
            bytes,
            magic: magic,
            formatVersions: formatVersion...formatVersion,
            kind: "pins",
            file: file
        )
        var reader = ByteReader(payload)
        guard let count = reader.readUInt32(), Int(count) <= countMax, reader.remaining == Int(count) * 8 else {
            throw StoreError(
                code: .corruption,
                message: "pins: payload does not decode",
                file: file,
                offsetBytes: ChecksummedFile.headerBytes
            )
        }
        var pins: Set<UInt64> = []
        for _ in 0..<count { if let version = reader.readUInt64() { pins.insert(version) } }
        return pins
    }
}
