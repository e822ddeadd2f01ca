/// The order a `BinaryHeap` keeps on top.
protocol HeapOrder {
    /// `true` when distance `a` belongs above distance `b`.
    static func above(_ a: Float, _ b: Float) -> Bool
}

/// Closest on top: the frontier of a graph search.
enum ClosestFirst: HeapOrder {
    @inline(__always) static func above(_ a: Float, _ b: Float) -> Bool { a < b }
}

/// Farthest on top: the best `ef` results so far, whose worst is the one replaced.
enum FarthestFirst: HeapOrder {
    @inline(__always) static func above(_ a: Float, _ b: Float) -> Bool { a > b }
}

/// A binary heap of neighbours ordered by distance.
struct BinaryHeap<Order: HeapOrder> {
    private(set) var items: ContiguousArray<Neighbor> = []

    init(capacity: Int) { items.reserveCapacity(capacity) }

    var count: Int { items.count }
    var isEmpty: Bool { items.isEmpty }
    var top: Neighbor? { items.first }

    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    mutating func push(_ element: Neighbor) {
        items.append(element)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Order.above(items[child].distance, items[parent].distance) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Neighbor? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            let count = items.count
            while true {
                let left = 2 * parent + 1
                guard left < count else { break }
                let right = left + 1
                let next = right < count && Order.above(items[right].distance, items[left].distance) ? right : left
                guard Order.above(items[next].distance, items[parent].distance) else { break }
                items.swapAt(parent, next)
                parent = next
            }
        }
        return first
    }

    /// The contents, closest first.
    func sortedAscending() -> [Neighbor] { items.sorted() }
}

/// The search frontier (closest first).
typealias MinHeap = BinaryHeap<ClosestFirst>
/// The result set (farthest first).
typealias MaxHeap = BinaryHeap<FarthestFirst>
