/// A binary min-heap of neighbors by distance: the frontier of a graph search (closest first).
struct MinHeap {
    private(set) var items: ContiguousArray<Neighbor> = []

    init(capacity: Int) { items.reserveCapacity(capacity) }

    var isEmpty: Bool { items.isEmpty }
    var top: Neighbor? { items.first }

    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    mutating func push(_ element: Neighbor) {
        items.append(element)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].distance < items[parent].distance else { break }
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
                let smaller = right < count && items[right].distance < items[left].distance ? right : left
                guard items[smaller].distance < items[parent].distance else { break }
                items.swapAt(parent, smaller)
                parent = smaller
            }
        }
        return first
    }
}

/// A binary max-heap of neighbors by distance: the best `ef` results so far (farthest on top, so it
/// is the one replaced).
struct MaxHeap {
    private(set) var items: ContiguousArray<Neighbor> = []

    init(capacity: Int) { items.reserveCapacity(capacity) }

    var count: Int { items.count }
    var top: Neighbor? { items.first }

    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    mutating func push(_ element: Neighbor) {
        items.append(element)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].distance > items[parent].distance else { break }
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
                let larger = right < count && items[right].distance > items[left].distance ? right : left
                guard items[larger].distance > items[parent].distance else { break }
                items.swapAt(parent, larger)
                parent = larger
            }
        }
        return first
    }

    /// The contents, closest first.
    func sortedAscending() -> [Neighbor] { items.sorted() }
}
