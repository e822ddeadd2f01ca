import CIntrinsics

extension HNSWIndex {
    /// The `k` approximate nearest neighbours of `query`, closest first.
    ///
    /// - Parameters:
    ///   - ef: candidate list size (`max(ef, k)` is used); defaults to `parameters.efSearch`.
    /// - Throws: `HNSWError.badInput` for a wrong dimension, a non-finite component or `k < 1`.
    public func search(_ query: [Float], k: Int, ef: Int? = nil) throws(HNSWError) -> [Neighbor] {
        guard k >= 1 else { throw HNSWError(code: .badInput, message: "k must be at least 1, got \(k)") }
        let prepared = try VectorCheck.prepare(query, dimension: dimension, metric: metric)
        let width = max(ef ?? parameters.efSearch, k)
        var context = contextPool.take { SearchContext(capacity: capacity, ef: width, maxLinks: maxLinks0) }
        defer { contextPool.give(context) }
        return prepared.withUnsafeBufferPointer { buffer in
            guard let pointer = buffer.baseAddress else { return [] }
            return search(pointer, k: k, ef: width, context: &context)
        }
    }

    func search(_ query: UnsafePointer<Float>, k: Int, ef: Int, context: inout SearchContext) -> [Neighbor] {
        let (entry, top) = globalLock.withLock(0) { (entryPoint, maxLevel) }
        guard entry >= 0 else { return [] }
        var current = Neighbor(id: UInt32(entry), distance: distance(query, UInt32(entry)))
        if top > 0 {
            current = greedyDescent(
                query,
                from: current,
                fromLevel: Int(top),
                toLevel: 1,
                locked: false,
                context: &context
            )
        }
        searchLayer(query, entry: current, ef: ef, level: 0, locked: false, context: &context)
        var results = context.results.sortedAscending()
        if results.count > k { results.removeSubrange(k...) }
        return results
    }

    /// Greedy walk from `start` down to `toLevel` (inclusive), moving to any closer neighbour.
    func greedyDescent(
        _ query: UnsafePointer<Float>,
        from start: Neighbor,
        fromLevel: Int,
        toLevel: Int,
        locked: Bool,
        context: inout SearchContext
    ) -> Neighbor {
        var current = start
        var level = fromLevel
        while level >= toLevel {
            var changed = true
            while changed {
                changed = false
                let count = readLinks(current.id, level: level, locked: locked, into: &context.scratch)
                for slot in 0..<count {
                    let candidate = context.scratch[slot]
                    let distance = distance(query, candidate)
                    if distance < current.distance {
                        current = Neighbor(id: candidate, distance: distance)
                        changed = true
                    }
                }
            }
            level -= 1
        }
        return current
    }

    /// Best-first search of one layer; leaves the best `ef` nodes in `context.results`.
    func searchLayer(
        _ query: UnsafePointer<Float>,
        entry: Neighbor,
        ef: Int,
        level: Int,
        locked: Bool,
        context: inout SearchContext
    ) {
        context.visited.reset()
        context.candidates.removeAll()
        context.results.removeAll()
        _ = context.visited.insert(entry.id)
        context.candidates.push(entry)
        context.results.push(entry)
        while let current = context.candidates.pop() {
            if let worst = context.results.top, current.distance > worst.distance, context.results.count >= ef { break }
            if locked {
                let count = readLinks(current.id, level: level, locked: true, into: &context.scratch)
                context.scratch.withUnsafeBufferPointer { buffer in
                    visit(buffer.baseAddress.unsafelyUnwrapped, count: count, query: query, ef: ef, context: &context)
                }
            } else {
                let list = links(current.id, level: level)
                visit(list + 1, count: Int(list[0]), query: query, ef: ef, context: &context)
            }
        }
    }

    /// Scores the unvisited nodes among `count` neighbour ids, prefetching the next node's vector
    /// while the current one is compared.
    @inline(__always)
    private func visit(
        _ neighbors: UnsafePointer<UInt32>,
        count: Int,
        query: UnsafePointer<Float>,
        ef: Int,
        context: inout SearchContext
    ) {
        if count > 0 { vectordb_prefetch(vector(neighbors[0])) }
        for slot in 0..<count {
            let neighbor = neighbors[slot]
            if slot + 1 < count { vectordb_prefetch(vector(neighbors[slot + 1])) }
            guard context.visited.insert(neighbor) else { continue }
            let distance = distance(query, neighbor)
            if context.results.count < ef || distance < (context.results.top?.distance ?? .infinity) {
                let found = Neighbor(id: neighbor, distance: distance)
                context.candidates.push(found)
                context.results.push(found)
                if context.results.count > ef { _ = context.results.pop() }
            }
        }
    }

    /// Copies a node's link list at `level` into `buffer` (under its lock when `locked`); returns
    /// the number of links.
    @inline(__always)
    func readLinks(_ node: UInt32, level: Int, locked: Bool, into buffer: inout [UInt32]) -> Int {
        if locked { locks.lock(Int(node)) }
        defer { if locked { locks.unlock(Int(node)) } }
        let list = links(node, level: level)
        let count = Int(list[0])
        buffer.withUnsafeMutableBufferPointer { target in
            guard let base = target.baseAddress else { return }
            base.update(from: list + 1, count: count)
        }
        return count
    }
}
