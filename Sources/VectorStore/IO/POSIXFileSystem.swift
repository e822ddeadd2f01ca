import Foundation
import Glibc

/// The store's file system on the real disk, through POSIX calls: the only place in `VectorStore`
/// that calls `open`, `pwrite`, `fsync`, `rename`, `link`, `unlink`, `mkdir`, `mmap` or `flock`
/// (a tidy test holds this).
public struct POSIXFileSystem: StoreFileSystem {
    public init() {}

    public func readFile(_ path: String) throws(StoreError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw Self.ioError("open", path)
        }
        defer { Glibc.close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Self.ioError("read", path)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    public func openForWriting(_ path: String, mode: StoreFileOpenMode) throws(StoreError) -> any StoreFile {
        let flags: Int32
        switch mode {
        case .createOrTruncate: flags = O_WRONLY | O_CREAT | O_TRUNC
        case .createNew: flags = O_WRONLY | O_CREAT | O_EXCL
        case .existing: flags = O_WRONLY
        }
        let descriptor = open(path, flags | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.ioError(mode == .existing ? "open" : "create", path) }
        return POSIXFile(descriptor: descriptor, path: path)
    }

    public func rename(_ path: String, to newPath: String) throws(StoreError) {
        guard Glibc.rename(path, newPath) == 0 else { throw Self.ioError("rename", path) }
    }

    public func link(_ existing: String, as newPath: String) throws(StoreError) {
        guard Glibc.link(existing, newPath) == 0 else { throw Self.ioError("link", newPath) }
    }

    public func remove(_ path: String) throws(StoreError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw Self.ioError("unlink", path) }
    }

    public func createDirectory(_ path: String) throws(StoreError) -> Bool {
        guard mkdir(path, 0o755) == 0 else {
            guard errno == EEXIST else { throw Self.ioError("mkdir", path) }
            return false
        }
        return true
    }

    public func syncDirectory(_ path: String) throws(StoreError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Self.ioError("open directory", path) }
        defer { Glibc.close(descriptor) }
        guard fsync(descriptor) == 0 else { throw Self.ioError("fsync directory", path) }
    }

    public func contentsOfDirectory(_ path: String) throws(StoreError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw StoreError(code: .io, message: "cannot list directory: \(error)", file: path)
        }
    }

    public func fileExists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    public func map(_ path: String) throws(StoreError) -> MappedFile {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Self.ioError("open", path) }
        defer { Glibc.close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Self.ioError("stat", path) }
        let size = Int(status.st_size)
        guard size > 0 else {
            return MappedFile(path: path, bytes: UnsafeRawBufferPointer(start: nil, count: 0)) { _ in }
        }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw Self.ioError("mmap", path)
        }
        return MappedFile(path: path, bytes: UnsafeRawBufferPointer(start: address, count: size)) { bytes in
            if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
        }
    }

    /// How long a busy lock is retried before it counts as held. A lock can look busy for a moment
    /// after this process released it: a child being spawned by another thread holds a copy of the
    /// descriptor until its `exec` closes it (`O_CLOEXEC`).
    static let busyRetries = 25
    static let busyRetryIntervalMicroseconds: UInt32 = 10_000

    public func lockExclusively(_ path: String) throws(StoreError) -> (any StoreFileLock)? {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.ioError("open", path) }
        var attempt = 0
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let busy = errno == EWOULDBLOCK
            if busy, attempt < Self.busyRetries {
                attempt += 1
                usleep(Self.busyRetryIntervalMicroseconds)
                continue
            }
            let error = Self.ioError("flock", path)
            Glibc.close(descriptor)
            if busy { return nil }
            throw error
        }
        return POSIXFileLock(descriptor: descriptor)
    }

    /// An `io` error for a failed call, with `errno`'s text.
    static func ioError(_ operation: String, _ path: String) -> StoreError {
        StoreError(code: .io, message: "\(operation) failed: \(String(cString: strerror(errno)))", file: path)
    }
}

/// A held `flock`; closing the descriptor releases it.
private final class POSIXFileLock: StoreFileLock {
    private let descriptor: Int32

    init(descriptor: Int32) { self.descriptor = descriptor }

    func unlock() { Glibc.close(descriptor) }
}
