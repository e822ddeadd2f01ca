import Foundation
import Glibc

/// Multipart uploads staged under `root/.objectstore/uploads/<upload id>/`: a `key` file naming the
/// object, and one durable file per part (`part-00001`, with its ETag record). Completion
/// concatenates the parts into a temporary file beside the target and commits it like a put; the
/// staging directory is removed after completion or abort.
extension FileSystemObjectStore {
    func uploadDirectory(_ uploadID: String) -> String { internalDirectory + "/uploads/" + uploadID }

    public func createMultipartUpload(
        _ key: ObjectKey,
        options: PutOptions
    ) async throws(ObjectStoreError) -> MultipartUpload {
        let files = files(for: key.rawValue)
        let upload = MultipartUpload(key: key, uploadID: UUID().uuidString.lowercased())
        let directory = uploadDirectory(upload.uploadID)
        try await OffPool.run { () throws(ObjectStoreError) in
            try files.createDirectories(directory)
            let bytes = Array(key.rawValue.utf8)
            try files.writeDurably(bytes, etag: ETagRecord.md5(of: bytes), to: directory + "/key")
            try files.syncDirectory(directory)
        }
        return upload
    }

    public func uploadPart(
        _ upload: MultipartUpload,
        partNumber: Int,
        bytes: [UInt8]
    ) async throws(ObjectStoreError) -> UploadedPart {
        let files = files(for: upload.key.rawValue)
        guard (1...MultipartUpload.partNumberMax).contains(partNumber) else {
            throw files.failure(.badInput, "part number \(partNumber) not in 1...\(MultipartUpload.partNumberMax)")
        }
        let directory = uploadDirectory(upload.uploadID)
        return try await OffPool.run { () throws(ObjectStoreError) -> UploadedPart in
            try Self.checkUpload(upload, directory: directory, files: files)
            let etag = ETagRecord.md5(of: bytes)
            let temporary = directory + "/.part-\(UUID().uuidString).tmp"
            do throws(ObjectStoreError) {
                try files.writeDurably(bytes, etag: etag, to: temporary)
                let part = directory + "/" + Self.partName(partNumber)
                guard rename(temporary, part) == 0 else { throw files.posixFailure("rename", part) }
                try files.syncDirectory(directory)
            } catch {
                try? files.remove(temporary)
                throw error
            }
            return UploadedPart(partNumber: partNumber, etag: etag, sizeBytes: bytes.count)
        }
    }

    public func completeMultipartUpload(
        _ upload: MultipartUpload,
        parts: [UploadedPart],
        condition: PutCondition
    ) async throws(ObjectStoreError) -> ObjectInfo {
        let files = files(for: upload.key.rawValue)
        let directory = uploadDirectory(upload.uploadID)
        let target = path(of: upload.key)
        let locks = locks
        return try await OffPool.run { () throws(ObjectStoreError) -> ObjectInfo in
            try Self.checkUpload(upload, directory: directory, files: files)
            let temporary = try Self.temporaryFile(for: target, files: files)
            do throws(ObjectStoreError) {
                let info = try Self.assemble(parts, from: directory, into: temporary, key: upload.key, files: files)
                try Self.commit(
                    temporary,
                    to: target,
                    key: upload.key,
                    condition: condition,
                    locks: locks,
                    files: files
                )
                try? FileManager.default.removeItem(atPath: directory)
                return info
            } catch {
                try? files.remove(temporary)
                throw error
            }
        }
    }

    public func abortMultipartUpload(_ upload: MultipartUpload) async throws(ObjectStoreError) {
        let directory = uploadDirectory(upload.uploadID)
        let files = files(for: upload.key.rawValue)
        try await OffPool.run { () throws(ObjectStoreError) in
            guard FileManager.default.fileExists(atPath: directory) else { return }
            do {
                try FileManager.default.removeItem(atPath: directory)
            } catch {
                throw files.failure(.io, "cannot remove \(directory): \(error)")
            }
        }
    }

    static func partName(_ number: Int) -> String {
        let digits = String(number)
        return "part-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    /// Checks that the upload's staging directory exists and belongs to the upload's key (an upload id
    /// is a lower-case UUID, so it cannot name a path outside the staging area).
    private static func checkUpload(
        _ upload: MultipartUpload,
        directory: String,
        files: LocalFiles
    ) throws(ObjectStoreError) {
        let valid = upload.uploadID.utf8.allSatisfy {
            $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0) || (0x61...0x66).contains($0)
        }
        let stored = valid ? FileManager.default.contents(atPath: directory + "/key") : nil
        guard let stored, stored.elementsEqual(upload.key.rawValue.utf8) else {
            throw files.failure(.notFound, "no multipart upload \(upload.uploadID) of this key (completed or aborted?)")
        }
    }

    /// Concatenates the listed parts into a new durable file, checking them as S3 does.
    private static func assemble(
        _ parts: [UploadedPart],
        from directory: String,
        into temporary: String,
        key: ObjectKey,
        files: LocalFiles
    ) throws(ObjectStoreError) -> ObjectInfo {
        guard !parts.isEmpty, zip(parts, parts.dropFirst()).allSatisfy({ $0.partNumber < $1.partNumber }) else {
            throw files.failure(.badInput, "parts must be non-empty and in ascending part-number order")
        }
        let output = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw files.posixFailure("open", temporary) }
        defer { close(output) }
        var digests: [[UInt8]] = []
        var total = 0
        for (index, part) in parts.enumerated() {
            let path = directory + "/" + partName(part.partNumber)
            let input: Int32
            do {
                input = try files.openObject(path)
            } catch  where error.code == .notFound {
                throw files.failure(.badInput, "part \(part.partNumber) was never uploaded")
            }
            defer { close(input) }
            let size = try files.size(input, path: path)
            let etag = try ETagRecord.read(descriptor: input, sizeBytes: size, files: files, path: path)
            guard etag == part.etag, let digest = ETagRecord.digest(of: etag) else {
                throw files.failure(.badInput, "part \(part.partNumber) has ETag \(etag), not \(part.etag)")
            }
            guard size >= MultipartUpload.minimumPartBytes || index == parts.count - 1 else {
                throw files.failure(.badInput, "part \(part.partNumber) has \(size) bytes; all but the last need 5 MiB")
            }
            var offset = 0
            while offset < size {
                let count = min(8 << 20, size - offset)
                let chunk = try files.read(input, offset: offset, count: count, path: path)
                try files.writeAll(chunk[...], to: output, path: temporary)
                offset += count
            }
            digests.append(digest)
            total += size
        }
        let etag = ETagRecord.multipart(partDigests: digests)
        try ETagRecord.write(etag, sizeBytes: total, descriptor: output, files: files, path: temporary)
        guard fsync(output) == 0 else { throw files.posixFailure("fsync", temporary) }
        return ObjectInfo(key: key, sizeBytes: total, etag: etag)
    }
}
