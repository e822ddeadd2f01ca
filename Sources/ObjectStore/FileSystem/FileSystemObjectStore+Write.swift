import Foundation
import Glibc

extension FileSystemObjectStore {
    @discardableResult
    public func put(
        _ key: ObjectKey,
        bytes: [UInt8],
        condition: PutCondition,
        options: PutOptions
    ) async throws(ObjectStoreError) -> ObjectInfo {
        let files = files(for: key.rawValue)
        let target = path(of: key)
        let locks = locks
        return try await OffPool.run { () throws(ObjectStoreError) -> ObjectInfo in
            let etag = ETagRecord.md5(of: bytes)
            let temporary = try Self.temporaryFile(for: target, files: files)
            do throws(ObjectStoreError) {
                try files.writeDurably(bytes, etag: etag, to: temporary)
                try Self.commit(temporary, to: target, key: key, condition: condition, locks: locks, files: files)
            } catch {
                try? files.remove(temporary)
                throw error
            }
            return ObjectInfo(key: key, sizeBytes: bytes.count, etag: etag)
        }
    }

    public func delete(_ key: ObjectKey) async throws(ObjectStoreError) {
        let files = files(for: key.rawValue)
        let target = path(of: key)
        let locks = locks
        try await OffPool.run { () throws(ObjectStoreError) in
            try locks.withLock(for: key, files: files) { () throws(ObjectStoreError) in
                var status = stat()
                guard stat(target, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return }
                try files.remove(target)
                try files.syncDirectory((target as NSString).deletingLastPathComponent)
            }
        }
    }

    /// A fresh temporary name beside `target` (a dot name, which no key can take), creating the
    /// target's directory when it is missing.
    static func temporaryFile(for target: String, files: LocalFiles) throws(ObjectStoreError) -> String {
        let directory = (target as NSString).deletingLastPathComponent
        try files.createDirectories(directory)
        return directory + "/.\((target as NSString).lastPathComponent).\(UUID().uuidString).tmp"
    }

    /// Moves a durable temporary file into place under `condition`, holding the key's lock stripe,
    /// and makes the directory entry durable before the lock is released (so a writer that reads the
    /// new ETag under the lock never builds on an entry a crash could undo). The temporary file is
    /// gone afterwards, unless this throws.
    static func commit(
        _ temporary: String,
        to target: String,
        key: ObjectKey,
        condition: PutCondition,
        locks: KeyLocks,
        files: LocalFiles
    ) throws(ObjectStoreError) {
        let directory = (target as NSString).deletingLastPathComponent
        try locks.withLock(for: key, files: files) { () throws(ObjectStoreError) in
            switch condition {
            case .unconditional:
                guard rename(temporary, target) == 0 else { throw files.posixFailure("rename", target) }
            case .ifAbsent:
                guard link(temporary, target) == 0 else {
                    if errno == EEXIST {
                        throw files.failure(.preconditionFailed, "If-None-Match: * — an object exists")
                    }
                    throw files.posixFailure("link", target)
                }
                try files.remove(temporary)
            case .ifMatch(let expected):
                let current = try info(key, target, files).etag
                guard current == expected else {
                    throw files.failure(.preconditionFailed, "If-Match \(expected): the object's ETag is \(current)")
                }
                guard rename(temporary, target) == 0 else { throw files.posixFailure("rename", target) }
            }
            try files.syncDirectory(directory)
        }
    }
}
