import Glibc

/// Serialises the writes of a key across threads and processes: one of `stripeCount` lock files in
/// `root/.objectstore/locks`, chosen by a stable hash of the key, held with `flock` for the duration
/// of a write. Every mutation (put, conditional put, delete, completion) takes its key's stripe, so a
/// put-if-match's compare and rename happen with no other write of that key in between. The lock
/// files are created once and never removed (a bounded set: no litter per key).
struct KeyLocks: Sendable {
    static let stripeCount = 64

    /// The directory holding the lock files.
    let directory: String

    /// Runs `body` holding the stripe of `key`. Blocks while another holder has it.
    func withLock<T>(
        for key: ObjectKey,
        files: LocalFiles,
        _ body: () throws(ObjectStoreError) -> T
    ) throws(ObjectStoreError) -> T {
        let path = directory + "/" + String(Self.stripe(of: key.rawValue))
        var descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == ENOENT {
            try files.createDirectories(directory)
            descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw files.posixFailure("open", path) }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw files.posixFailure("flock", path) }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    /// FNV-1a of the key's bytes, modulo `stripeCount`: the same in every process.
    static func stripe(of key: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Int(hash % UInt64(stripeCount))
    }
}
