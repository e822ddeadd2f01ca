/// Scratch state of one graph search, reused across searches on one thread.
struct SearchContext {
    var visited: VisitedSet
    var candidates: MinHeap
    var results: MaxHeap
    /// Copy of a link list read under its lock during concurrent inserts.
    var scratch: [UInt32]

    init(capacity: Int, ef: Int, maxLinks: Int) {
        visited = VisitedSet(capacity: capacity)
        candidates = MinHeap(capacity: ef * 2)
        results = MaxHeap(capacity: ef + 1)
        scratch = [UInt32](repeating: 0, count: maxLinks + 1)
    }
}

/// A lock-guarded pool of `SearchContext`s so concurrent `search` calls do not allocate a visited
/// array (one tag per node) per query.
final class SearchContextPool: @unchecked Sendable {
    private var free: [SearchContext] = []
    private let lock = LockStripes(count: 1)

    func take(make: () -> SearchContext) -> SearchContext {
        lock.withLock(0) { free.popLast() } ?? make()
    }

    func give(_ context: SearchContext) {
        lock.withLock(0) { if free.count < 64 { free.append(context) } }
    }
}
