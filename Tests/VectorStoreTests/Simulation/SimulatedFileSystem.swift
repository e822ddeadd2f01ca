import Foundation

@testable import VectorStore

/// An in-memory `StoreFileSystem` that tracks what is durable (`SimulatedDisk`), injects faults by
/// operation index, kind and path (`faults`), and simulates a crash: from the crash on every call
/// fails, and `afterPowerLoss` / `afterProcessCrash` give the disk the next process finds. Calls
/// are serialised by one lock, and counted, so a deterministic workload numbers them the same way
/// every run (a crash point is an operation index).
final class SimulatedFileSystem: StoreFileSystem, @unchecked Sendable {
    // @unchecked: all mutable state is guarded by `lock`.
    enum Operation: String, Sendable, CaseIterable {
        case read, open, size, write, truncate, sync, rename, link, remove, mkdir, syncDirectory, list, exists, map,
            lock
    }

    /// What an injected fault does to the operation it hits.
    enum Fault: Sendable {
        /// The call fails (`ENOSPC`, `EIO`, …); nothing changes.
        case fail(String)
        /// A write writes the first `fraction` of its bytes, then fails with `ENOSPC`.
        case shortWrite(fraction: Double)
        /// Power is lost before the call takes effect (a write: after `fraction` of its bytes reached
        /// the page cache). Every later call fails.
        case crash(tornFraction: Double)
        /// The call waits (outside the file system's lock) until `semaphore` is signalled, then runs.
        case pause(DispatchSemaphore)
    }

    /// Chooses a fault for operation number `index` (from 0) of `kind` on `path`, or `nil`.
    typealias FaultRule = @Sendable (_ index: Int, _ kind: Operation, _ path: String) -> Fault?

    private let lock = NSLock()
    private var disk: SimulatedDisk
    private var rule: FaultRule?
    private var operations = 0
    private var crashed = false
    private var syncs: [String: Int] = [:]
    private var paused = false

    /// The directory the store lives in: unique per simulated machine (and kept across its crashes),
    /// so collections of tests running in parallel never share the in-process writer lock.
    let root: String

    init() {
        root = "/sim-" + UUID().uuidString
        disk = SimulatedDisk(roots: [root])
    }

    private init(root: String, disk: SimulatedDisk) {
        self.root = root
        self.disk = disk
    }

    /// Installs the fault rule (replacing any earlier one).
    func inject(_ rule: FaultRule?) { lock.withLock { self.rule = rule } }

    /// Operations so far.
    var operationCount: Int { lock.withLock { operations } }

    /// Whether a `.crash` fault has hit.
    var hasCrashed: Bool { lock.withLock { crashed } }

    /// Successful `fsync`s of files whose path ends in `suffix`.
    func syncCount(suffix: String) -> Int {
        lock.withLock { syncs.filter { $0.key.hasSuffix(suffix) }.map(\.value).reduce(0, +) }
    }

    /// Whether a call is waiting in a `.pause` fault.
    var isPaused: Bool { lock.withLock { paused } }

    /// Crashes now (as a `.crash` fault would).
    func crash() { lock.withLock { crashed = true } }

    /// The disk after power loss, as a new file system (this one stays dead).
    func afterPowerLoss(_ loss: SimulatedDisk.PowerLoss) -> SimulatedFileSystem {
        lock.withLock {
            crashed = true
            return SimulatedFileSystem(root: root, disk: disk.afterPowerLoss(loss))
        }
    }

    /// The disk after the process died but the kernel kept running: everything written survives,
    /// what was not durable is still not durable.
    func afterProcessCrash() -> SimulatedFileSystem {
        lock.withLock {
            crashed = true
            return SimulatedFileSystem(root: root, disk: disk)
        }
    }

    // MARK: the seam

    func readFile(_ path: String) throws(StoreError) -> [UInt8]? {
        try perform(.read, path) { disk throws(StoreError) in
            guard let entry = disk.entry(path) else { return nil }
            guard case .file(let inode) = entry else { throw Self.error("read", path, "EISDIR") }
            return disk.inodes[inode]?.bytes
        }
    }

    func openForWriting(_ path: String, mode: StoreFileOpenMode) throws(StoreError) -> any StoreFile {
        let inode = try perform(.open, path) { disk throws(StoreError) -> Int in
            let (directory, name) = SimulatedDisk.split(path)
            guard disk.entry(directory) == .directory else { throw Self.error("open", path, "ENOENT") }
            switch (disk.entry(path), mode) {
            case (.directory?, _): throw Self.error("open", path, "EISDIR")
            case (.file?, .createNew): throw Self.error("create", path, "EEXIST")
            case (nil, .existing): throw Self.error("open", path, "ENOENT")
            case (.file(let inode)?, .existing): return inode
            case (.file(let inode)?, .createOrTruncate):
                disk.inodes[inode]?.bytes = []
                disk.inodes[inode]?.pending.append(.truncate(0))
                return inode
            case (nil, _):
                let inode = disk.nextInode
                disk.nextInode += 1
                disk.inodes[inode] = SimulatedDisk.Inode()
                disk.apply(.set(name, .file(inode)), in: directory)
                return inode
            }
        }
        return SimulatedFile(fileSystem: self, inode: inode, path: path)
    }

    func rename(_ path: String, to newPath: String) throws(StoreError) {
        try perform(.rename, path) { disk throws(StoreError) in
            let (directory, name) = SimulatedDisk.split(path)
            let (newDirectory, newName) = SimulatedDisk.split(newPath)
            guard case .file? = disk.entry(path) else { throw Self.error("rename", path, "ENOENT") }
            guard directory == newDirectory else { throw Self.error("rename", path, "EXDEV (not simulated)") }
            disk.apply(.rename(name, newName), in: directory)
        }
    }

    func link(_ existing: String, as newPath: String) throws(StoreError) {
        try perform(.link, newPath) { disk throws(StoreError) in
            guard case .file(let inode)? = disk.entry(existing) else { throw Self.error("link", existing, "ENOENT") }
            guard disk.entry(newPath) == nil else { throw Self.error("link", newPath, "EEXIST") }
            let (directory, name) = SimulatedDisk.split(newPath)
            guard disk.entry(directory) == .directory else { throw Self.error("link", newPath, "ENOENT") }
            disk.apply(.set(name, .file(inode)), in: directory)
        }
    }

    func remove(_ path: String) throws(StoreError) {
        try perform(.remove, path) { disk throws(StoreError) in
            switch disk.entry(path) {
            case nil: return
            case .directory?: throw Self.error("unlink", path, "EISDIR")
            case .file?:
                let (directory, name) = SimulatedDisk.split(path)
                disk.apply(.set(name, nil), in: directory)
            }
        }
    }

    func createDirectory(_ path: String) throws(StoreError) -> Bool {
        try perform(.mkdir, path) { disk throws(StoreError) in
            if disk.entry(path) == .directory { return false }
            guard disk.entry(path) == nil else { throw Self.error("mkdir", path, "EEXIST") }
            let (directory, name) = SimulatedDisk.split(path)
            guard disk.entry(directory) == .directory else { throw Self.error("mkdir", path, "ENOENT") }
            disk.apply(.set(name, .directory), in: directory)
            disk.directories[path] = SimulatedDisk.Directory()
            return true
        }
    }

    func syncDirectory(_ path: String) throws(StoreError) {
        try perform(.syncDirectory, path) { disk throws(StoreError) in
            guard disk.entry(path) == .directory, let directory = disk.directories[path] else {
                throw Self.error("open directory", path, "ENOENT")
            }
            disk.directories[path]?.durableEntries = directory.entries
            disk.directories[path]?.pending = []
        }
    }

    func contentsOfDirectory(_ path: String) throws(StoreError) -> [String] {
        try perform(.list, path) { disk throws(StoreError) in
            guard disk.entry(path) == .directory else { throw Self.error("list", path, "ENOENT") }
            return (disk.directories[path]?.entries.keys).map { Array($0).sorted() } ?? []
        }
    }

    func fileExists(_ path: String) -> Bool {
        (try? perform(.exists, path) { disk in disk.entry(path) != nil }) ?? false
    }

    func map(_ path: String) throws(StoreError) -> MappedFile {
        let bytes = try perform(.map, path) { disk throws(StoreError) in
            guard case .file(let inode)? = disk.entry(path), let bytes = disk.inodes[inode]?.bytes else {
                throw Self.error("open", path, "ENOENT")
            }
            return bytes
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 64)
        buffer.copyBytes(from: bytes)
        return MappedFile(path: path, bytes: UnsafeRawBufferPointer(rebasing: buffer[0..<bytes.count])) { mapped in
            UnsafeMutableRawPointer(mutating: mapped.baseAddress)?.deallocate()
        }
    }

    func lockExclusively(_ path: String) throws(StoreError) -> (any StoreFileLock)? {
        try perform(.lock, path) { _ in SimulatedLock() }
    }

    // MARK: file operations (SimulatedFile)

    func size(of inode: Int, path: String) throws(StoreError) -> Int {
        try perform(.size, path) { disk in disk.inodes[inode]?.bytes.count ?? 0 }
    }

    func write(_ bytes: ArraySlice<UInt8>, at offset: Int, inode: Int, path: String) throws(StoreError) {
        try perform(.write, path, bytes: bytes.count) { disk, kept in
            let operation = SimulatedDisk.DataOperation.write(offset: offset, bytes: Array(bytes.prefix(kept)))
            SimulatedDisk.apply(operation, to: &disk.inodes[inode, default: SimulatedDisk.Inode()].bytes)
            disk.inodes[inode]?.pending.append(operation)
        }
    }

    func truncate(inode: Int, toBytes size: Int, path: String) throws(StoreError) {
        try perform(.truncate, path) { disk in
            SimulatedDisk.apply(.truncate(size), to: &disk.inodes[inode, default: SimulatedDisk.Inode()].bytes)
            disk.inodes[inode]?.pending.append(.truncate(size))
        }
    }

    func sync(inode: Int, path: String) throws(StoreError) {
        try perform(.sync, path) { disk in
            guard let bytes = disk.inodes[inode]?.bytes else { return }
            disk.inodes[inode]?.durableBytes = bytes
            disk.inodes[inode]?.pending = []
        }
        lock.withLock { syncs[path, default: 0] += 1 }
    }

    // MARK: faults

    private func perform<T>(
        _ kind: Operation,
        _ path: String,
        _ body: (inout SimulatedDisk) throws(StoreError) -> T
    ) throws(StoreError) -> T {
        lock.lock()
        defer { lock.unlock() }
        guard !crashed else { throw Self.error(kind.rawValue, path, "the simulated machine has crashed") }
        let index = operations
        operations += 1
        var fault = rule?(index, kind, path)
        if case .pause(let semaphore)? = fault {
            paused = true
            lock.unlock()
            semaphore.wait()
            lock.lock()
            paused = false
            guard !crashed else { throw Self.error(kind.rawValue, path, "the simulated machine has crashed") }
            fault = nil
        }
        switch fault {
        case nil, .shortWrite?, .pause?: return try body(&disk)
        case .fail(let code)?: throw Self.error(kind.rawValue, path, code)
        case .crash?:
            crashed = true
            throw Self.error(kind.rawValue, path, "power lost")
        }
    }

    /// A write: `body` gets how many of the `bytes` reach the file (all, unless a fault cuts it).
    private func perform(
        _ kind: Operation,
        _ path: String,
        bytes count: Int,
        _ body: (inout SimulatedDisk, Int) -> Void
    ) throws(StoreError) {
        lock.lock()
        defer { lock.unlock() }
        guard !crashed else { throw Self.error(kind.rawValue, path, "the simulated machine has crashed") }
        let index = operations
        operations += 1
        switch rule?(index, kind, path) {
        case nil, .pause?: body(&disk, count)
        case .fail(let code)?: throw Self.error(kind.rawValue, path, code)
        case .shortWrite(let fraction)?:
            body(&disk, Int(Double(count) * fraction))
            throw Self.error(kind.rawValue, path, "ENOSPC after a short write")
        case .crash(let fraction)?:
            body(&disk, Int(Double(count) * fraction))
            crashed = true
            throw Self.error(kind.rawValue, path, "power lost")
        }
    }

    static func error(_ operation: String, _ path: String, _ reason: String) -> StoreError {
        StoreError(code: .io, message: "\(operation) failed: \(reason) (simulated)", file: path)
    }
}

/// A file open on a `SimulatedFileSystem`.
final class SimulatedFile: StoreFile {
    let path: String
    private let fileSystem: SimulatedFileSystem
    private let inode: Int

    init(fileSystem: SimulatedFileSystem, inode: Int, path: String) {
        self.fileSystem = fileSystem
        self.inode = inode
        self.path = path
    }

    func size() throws(StoreError) -> Int { try fileSystem.size(of: inode, path: path) }

    func write(_ bytes: ArraySlice<UInt8>, atOffset offsetBytes: Int) throws(StoreError) {
        try fileSystem.write(bytes, at: offsetBytes, inode: inode, path: path)
    }

    func truncate(toBytes sizeBytes: Int) throws(StoreError) {
        try fileSystem.truncate(inode: inode, toBytes: sizeBytes, path: path)
    }

    func sync() throws(StoreError) { try fileSystem.sync(inode: inode, path: path) }

    func close() {}
}

private final class SimulatedLock: StoreFileLock {
    func unlock() {}
}
