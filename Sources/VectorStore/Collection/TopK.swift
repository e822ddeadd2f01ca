/// The best `capacity` (row, score) pairs offered, by score then lower row (a bounded min-heap).
struct TopK {
    let capacity: Int
    private var heap: [(row: Int, score: Float)] = []

    init(capacity: Int) {
        self.capacity = capacity
        heap.reserveCapacity(capacity)
    }

    /// The score a new row must beat (ties: a lower row) to enter, once full.
    var threshold: Float? { heap.count == capacity ? heap.first?.score : nil }

    /// Whether `a` ranks below `b` (the heap keeps the worst on top).
    private static func worse(_ a: (row: Int, score: Float), _ b: (row: Int, score: Float)) -> Bool {
        a.score != b.score ? a.score < b.score : a.row > b.row
    }

    mutating func offer(row: Int, score: Float) {
        guard capacity > 0 else { return }
        let entry = (row: row, score: score)
        if heap.count < capacity {
            heap.append(entry)
            siftUp(heap.count - 1)
        } else if Self.worse(heap[0], entry) {
            heap[0] = entry
            siftDown(0)
        }
    }

    /// Best first.
    func sorted() -> [(row: Int, score: Float)] { heap.sorted { Self.worse($1, $0) } }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.worse(heap[child], heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var worst = parent
            if left < heap.count, Self.worse(heap[left], heap[worst]) { worst = left }
            if right < heap.count, Self.worse(heap[right], heap[worst]) { worst = right }
            guard worst != parent else { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}
