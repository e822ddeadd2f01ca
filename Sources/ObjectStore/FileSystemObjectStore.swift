import Foundation
import Glibc

/// An `ObjectStore` in a local directory: each object is one file at `root/key`.
///
/// `put` writes a temporary file in the same directory, fsyncs it and renames it over the target,
/// then fsyncs the directory, so an acknowledged put survives a crash and a reader never sees a
/// partial object.
public struct FileSystemObjectStore: ObjectStore {
    /// The directory holding the objects.
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    public func put(_ key: ObjectKey, bytes: [UInt8]) async throws(ObjectStoreError) {
        let target = root.appendingPathComponent(key.rawValue)
        let directory = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ObjectStoreError(code: .io, key: key.rawValue, message: "cannot create \(directory.path): \(error)")
        }
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        try DurableFile.write(bytes, to: temporary.path, key: key.rawValue)
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw ObjectStoreError(code: .io, key: key.rawValue, message: "rename to \(target.path): \(reason)")
        }
        try DurableFile.syncDirectory(directory.path, key: key.rawValue)
    }

    public func get(_ key: ObjectKey) async throws(ObjectStoreError) -> [UInt8]? {
        let path = root.appendingPathComponent(key.rawValue).path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ObjectStoreError(code: .io, key: key.rawValue, message: "cannot read \(path)")
        }
        return [UInt8](data)
    }

    public func list(prefix: String) async throws(ObjectStoreError) -> [ObjectKey] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var keys: [ObjectKey] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasPrefix(prefix), !(relative.split(separator: "/").last?.hasPrefix(".") ?? true) else {
                continue
            }
            var isDirectory: ObjCBool = false
            let full = root.appendingPathComponent(relative).path
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                let key = try? ObjectKey(relative)
            else { continue }
            keys.append(key)
        }
        return keys.sorted()
    }

    public func delete(_ key: ObjectKey) async throws(ObjectStoreError) {
        let path = root.appendingPathComponent(key.rawValue).path
        guard unlink(path) == 0 || errno == ENOENT else {
            throw ObjectStoreError(
                code: .io,
                key: key.rawValue,
                message: "unlink \(path): \(String(cString: strerror(errno)))"
            )
        }
    }
}

/// Whole-file writes that reach the disk before returning.
enum DurableFile {
    static func write(_ bytes: [UInt8], to path: String, key: String) throws(ObjectStoreError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ObjectStoreError(code: .io, key: key, message: "open \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw ObjectStoreError(
                    code: .io,
                    key: key,
                    message: "write \(path): \(String(cString: strerror(errno)))"
                )
            }
            written += result
        }
        guard fsync(descriptor) == 0 else {
            throw ObjectStoreError(code: .io, key: key, message: "fsync \(path): \(String(cString: strerror(errno)))")
        }
    }

    static func syncDirectory(_ path: String, key: String) throws(ObjectStoreError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ObjectStoreError(code: .io, key: key, message: "open \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        fsync(descriptor)
    }
}
