import Synchronization

/// What reading one segment has cost so far, for tests (`SegmentAccessTests`) and diagnostics: work
/// done on a search path shows up here, so tests assert on counts, never on timings.
final class SegmentCounters: Sendable {
    /// Kinds of the blocks whose checksum was verified over all their stored bytes.
    private let verifiedKinds = Mutex<Set<UInt32>>([])
    /// Kinds of the blocks decoded whole (ids, a column, sequences, times, tombstones, lexical).
    private let decodedKinds = Mutex<Set<UInt32>>([])
    /// Chunks of row-chunked blocks decoded alone (a search hit's fields), each checksum verified.
    let chunksDecoded = Atomic<Int>(0)
    /// Posting lists read alone from the per-term lexical blocks (each checksum verified).
    let postingListsRead = Atomic<Int>(0)
    /// Stored bytes of those posting lists.
    let postingBytesRead = Atomic<Int>(0)

    init() {}

    var verified: Set<UInt32> { verifiedKinds.withLock { $0 } }
    var decoded: Set<UInt32> { decodedKinds.withLock { $0 } }

    func isVerified(_ kind: UInt32) -> Bool { verifiedKinds.withLock { $0.contains(kind) } }

    /// Notes a verified block; `false` when it was verified before.
    @discardableResult func noteVerified(_ kind: UInt32) -> Bool {
        verifiedKinds.withLock { $0.insert(kind).inserted }
    }

    func noteDecoded(_ kind: UInt32) { decodedKinds.withLock { _ = $0.insert(kind) } }

    func noteChunk() { chunksDecoded.add(1, ordering: .relaxed) }

    func notePostingList(bytes: Int) {
        postingListsRead.add(1, ordering: .relaxed)
        postingBytesRead.add(bytes, ordering: .relaxed)
    }
}
