/// The local file `BUCKET` of a tiered collection (docs/tiering.md, "A commit"): the bucket version
/// its writer committed or read last, and the local manifest that version mirrors — what the next
/// publish starts from. Replaced atomically after every publish.
struct BucketState: Equatable, Sendable {
    static let fileName = "BUCKET"
    static let magic: [UInt8] = Array("VDB-BKT\n".utf8)
    static let formatVersion: UInt32 = 1

    /// The bucket version this writer committed or read last.
    var bucketVersion: UInt64
    /// The local version it mirrors.
    var published: Manifest

    func encode() -> [UInt8] {
        var payload: [UInt8] = []
        payload.appendLittleEndian(bucketVersion)
        payload += published.encode()
        return ChecksummedFile.frame(magic: Self.magic, formatVersion: Self.formatVersion, payload: payload)
    }

    /// - Throws: `StoreError.corruption` naming `file` when it fails verification.
    static func decode(_ bytes: [UInt8], file: String) throws(StoreError) -> BucketState {
        let (_, payload) = try ChecksummedFile.unframe(
            bytes,
            magic: magic,
            formatVersions: 1...formatVersion,
            kind: "bucket state",
            file: file
        )
        var reader = ByteReader(payload)
        guard let version = reader.readUInt64(), let rest = reader.readBytes(reader.remaining) else {
            throw StoreError(code: .corruption, message: "bucket state does not decode", file: file, offsetBytes: 24)
        }
        return BucketState(bucketVersion: version, published: try Manifest.decode(Array(rest), file: file))
    }
}
