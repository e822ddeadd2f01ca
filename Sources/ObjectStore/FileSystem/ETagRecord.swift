import CXattr
import Crypto
import Glibc

/// How `FileSystemObjectStore` knows an object's ETag without reading it: the ETag and the size it
/// was computed for, in the extended attribute `user.vectordb.etag` (`"<size> <etag>"`), written on
/// the temporary file before it is renamed or linked into place, so an object and its ETag appear
/// together. A file without the record (written by an earlier version of the store or by another
/// tool), or whose size no longer fits it, gets the MD5 of its bytes — the same ETag S3 gives a
/// single-part object. Files must change only through the store: a same-size edit from outside keeps
/// the old ETag.
enum ETagRecord {
    static let attributeName = "user.vectordb.etag"

    /// The hex MD5 of `bytes` as an ETag.
    static func md5<Bytes: Sequence<UInt8>>(of bytes: Bytes) -> ETag {
        ETag(hex(Array(Insecure.MD5.hash(data: Array(bytes)))))
    }

    /// S3's ETag of a multipart object: the MD5 of the concatenated binary MD5s of its parts, a dash
    /// and the part count.
    static func multipart(partDigests: [[UInt8]]) -> ETag {
        ETag(hex(Array(Insecure.MD5.hash(data: partDigests.flatMap { $0 }))) + "-\(partDigests.count)")
    }

    /// The binary digest behind a single-part ETag (32 hex digits), or `nil`.
    static func digest(of etag: ETag) -> [UInt8]? {
        guard etag.isContentMD5 else { return nil }
        let digits = Array(etag.rawValue.utf8)
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(nibble(digits[$0]) << 4 | nibble(digits[$0 + 1])) }
    }

    /// Records `etag` on an open file; a file system without user extended attributes is tolerated
    /// (the ETag is then computed on read).
    static func write(
        _ etag: ETag,
        sizeBytes: Int,
        descriptor: Int32,
        files: LocalFiles,
        path: String
    ) throws(ObjectStoreError) {
        let value = Array("\(sizeBytes) \(etag.rawValue)".utf8)
        let result = value.withUnsafeBytes { fsetxattr(descriptor, attributeName, $0.baseAddress, $0.count, 0) }
        guard result == 0 || errno == ENOTSUP else { throw files.posixFailure("fsetxattr", path) }
    }

    /// The ETag of an open file of `sizeBytes` bytes.
    static func read(
        descriptor: Int32,
        sizeBytes: Int,
        files: LocalFiles,
        path: String
    ) throws(ObjectStoreError) -> ETag {
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = buffer.withUnsafeMutableBytes { fgetxattr(descriptor, attributeName, $0.baseAddress, $0.count) }
        if count > 0 {
            let fields = String(decoding: buffer[0..<count], as: UTF8.self).split(separator: " ")
            if fields.count == 2, Int(fields[0]) == sizeBytes { return ETag(String(fields[1])) }
        } else if errno != ENODATA && errno != ENOTSUP {
            throw files.posixFailure("fgetxattr", path)
        }
        return try computed(descriptor: descriptor, sizeBytes: sizeBytes, files: files, path: path)
    }

    /// The MD5 of a file's bytes, read in 1 MiB chunks.
    static func computed(
        descriptor: Int32,
        sizeBytes: Int,
        files: LocalFiles,
        path: String
    ) throws(ObjectStoreError) -> ETag {
        var hasher = Insecure.MD5()
        var offset = 0
        while offset < sizeBytes {
            let count = min(1 << 20, sizeBytes - offset)
            hasher.update(data: try files.read(descriptor, offset: offset, count: count, path: path))
            offset += count
        }
        return ETag(hex(Array(hasher.finalize())))
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func nibble(_ digit: UInt8) -> UInt8 { digit <= 0x39 ? digit - 0x30 : digit - 0x61 + 10 }
}
