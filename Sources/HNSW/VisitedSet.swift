/// Marks nodes seen during one graph search in O(1), reset in O(1) by bumping a generation tag
/// (the whole array is cleared only when the 16-bit tag wraps).
struct VisitedSet {
    private var tags: [UInt16]
    private var generation: UInt16 = 1
    /// Nodes marked since the last `reset()` (the nodes a search scored, for plans and tests).
    private(set) var count = 0

    init(capacity: Int) { tags = [UInt16](repeating: 0, count: capacity) }

    /// Starts a new search.
    mutating func reset() {
        count = 0
        if generation == UInt16.max {
            for index in tags.indices { tags[index] = 0 }
            generation = 1
        } else {
            generation += 1
        }
    }

    /// Marks `node`; returns `false` when it was already marked in this search.
    @inline(__always)
    mutating func insert(_ node: UInt32) -> Bool {
        let index = Int(node)
        if tags[index] == generation { return false }
        tags[index] = generation
        count += 1
        return true
    }
}
