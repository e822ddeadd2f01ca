import CIntrinsics

extension HNSWIndex {
    /// How many nodes ahead of the one being scored the traversal prefetches: one node's compute is
    /// far shorter than a memory round trip, so a single node of lookahead leaves loads exposed.
    static let prefetchDistance = 3
    /// The `k` approximate nearest neighbours of `query`, closest first, with exact distances.
    ///
    /// With a trained int8 quantiser the graph is traversed on codes and the `ef` candidates found
    /// are re-ranked by exact float32 distance before the best `k` are returned.
    ///
    /// - Parameters:
    ///   - ef: candidate list size (`max(ef, k)` is used); defaults to `parameters.efSearch`.
    ///   - quantized: `false` traverses on the float32 vectors even when int8 codes exist (to compare
    ///     the two on one graph); ignored without a trained quantiser.
    /// - Throws: `HNSWError.badInput` for a wrong dimension, a non-finite component or `k < 1`.
    public func search(
        _ query: [Float],
        k: Int,
        ef: Int? = nil,
        quantized: Bool = true
    ) throws(HNSWError) -> [Neighbor] {
        try search(query, k: k, ef: ef, quantized: quantized, filter: AllNodes())
    }

    /// The `k` approximate nearest neighbours of `query` among the nodes `isIncluded` accepts
    /// (deleted rows, say), closest first. Excluded nodes are still traversed — they keep the graph
    /// connected — but never enter the results, so up to `k` included nodes are returned without
    /// over-fetching. With a very selective filter the search visits much of the graph; an exact
    /// scan of the included rows (`FlatIndex`) is then cheaper.
    ///
    /// - Throws: `HNSWError.badInput` as `search(_:k:ef:quantized:)`.
    public func search(
        _ query: [Float],
        k: Int,
        ef: Int? = nil,
        quantized: Bool = true,
        isIncluded: (UInt32) -> Bool
    ) throws(HNSWError) -> [Neighbor] {
        let result = withoutActuallyEscaping(isIncluded) { body in
            Result { () throws(HNSWError) in
                try search(query, k: k, ef: ef, quantized: quantized, filter: ClosureFilter(body: body))
            }
        }
        return try result.get()
    }

    /// `search(_:k:ef:quantized:isIncluded:)` that also counts the level-0 nodes the traversal
    /// scored (`visited`), for query plans: the work of a filtered search grows as the filter
    /// gets more selective, and the caller compares it with an exact scan.
    public func search(
        _ query: [Float],
        k: Int,
        ef: Int? = nil,
        quantized: Bool = true,
        visited: inout Int,
        isIncluded: (UInt32) -> Bool
    ) throws(HNSWError) -> [Neighbor] {
        var counted = 0
        let result = withoutActuallyEscaping(isIncluded) { body in
            Result { () throws(HNSWError) in
                try search(
                    query,
                    k: k,
                    ef: ef,
                    quantized: quantized,
                    filter: ClosureFilter(body: body),
                    visited: &counted
                )
            }
        }
        visited = counted
        return try result.get()
    }

    private func search<Filter: NodeFilter>(
        _ query: [Float],
        k: Int,
        ef: Int?,
        quantized: Bool,
        filter: Filter
    ) throws(HNSWError) -> [Neighbor] {
        var visited = 0
        return try search(query, k: k, ef: ef, quantized: quantized, filter: filter, visited: &visited)
    }

    private func search<Filter: NodeFilter>(
        _ query: [Float],
        k: Int,
        ef: Int?,
        quantized: Bool,
        filter: Filter,
        visited: inout Int
    ) throws(HNSWError) -> [Neighbor] {
        guard k >= 1 else { throw HNSWError(code: .badInput, message: "k must be at least 1, got \(k)") }
        let prepared = try VectorCheck.prepare(query, dimension: dimension, metric: metric)
        let width = max(ef ?? parameters.efSearch, k)
        var context = contextPool.take { SearchContext(capacity: capacity, ef: width, maxLinks: maxLinks0) }
        defer { contextPool.give(context) }
        let neighbors = prepared.withUnsafeBufferPointer { buffer in
            guard let pointer = buffer.baseAddress else { return [Neighbor]() }
            return search(pointer, k: k, ef: width, quantized: quantized, filter: filter, context: &context)
        }
        visited = context.visited.count
        return neighbors
    }

    private func search<Filter: NodeFilter>(
        _ query: UnsafePointer<Float>,
        k: Int,
        ef: Int,
        quantized: Bool,
        filter: Filter,
        context: inout SearchContext
    ) -> [Neighbor] {
        let (entry, top, trained) = globalLock.withLock(0) { (entryPoint, maxLevel, quantizer) }
        guard entry >= 0 else { return [] }
        guard let trained, quantized else {
            let scorer = floatScorer(query)
            traverse(scorer, entry: UInt32(entry), top: Int(top), ef: ef, filter: filter, context: &context)
            var results = context.results.sortedAscending()
            if results.count > k { results.removeSubrange(k...) }
            return results
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: dimension) { buffer in
            let queryCodes = buffer.baseAddress.unsafelyUnwrapped
            if let scorer = int8Scorer(query, quantizer: trained, queryCodes: queryCodes) {
                traverse(scorer, entry: UInt32(entry), top: Int(top), ef: ef, filter: filter, context: &context)
            }
            var results = rerank(query, context.results.items)
            if results.count > k { results.removeSubrange(k...) }
            return results
        }
    }

    /// `candidates` with exact float32 distances, closest first; the next candidate's vector is
    /// prefetched while the current one is compared.
    private func rerank(_ query: UnsafePointer<Float>, _ candidates: ContiguousArray<Neighbor>) -> [Neighbor] {
        let exact = floatScorer(query)
        var results: [Neighbor] = []
        results.reserveCapacity(candidates.count)
        for index in candidates.indices {
            if index + 1 < candidates.count {
                let next = vector(candidates[index + 1].id)
                var offset = 0
                while offset < dimension {
                    vectordb_prefetch(next + offset)
                    offset += 16
                }
            }
            let id = candidates[index].id
            results.append(Neighbor(id: id, distance: exact.distance(to: id)))
        }
        results.sort()
        return results
    }

    /// Greedy descent from the entry point to level 1, then best-first search of level 0; leaves
    /// the best `ef` nodes (by `scorer`) in `context.results`.
    private func traverse<Scorer: NodeScorer, Filter: NodeFilter>(
        _ scorer: Scorer,
        entry: UInt32,
        top: Int,
        ef: Int,
        filter: Filter,
        context: inout SearchContext
    ) {
        var current = Neighbor(id: entry, distance: scorer.distance(to: entry))
        if top > 0 {
            current = greedyDescent(scorer, from: current, fromLevel: top, toLevel: 1, locked: false, context: &context)
        }
        searchLayer(scorer, entry: current, ef: ef, level: 0, locked: false, filter: filter, context: &context)
    }

    /// Greedy walk from `start` down to `toLevel` (inclusive), moving to any closer neighbour.
    func greedyDescent<Scorer: NodeScorer>(
        _ scorer: Scorer,
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
                    let distance = scorer.distance(to: candidate)
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

    /// Best-first search of one layer; leaves the best `ef` nodes that `filter` includes in
    /// `context.results` (excluded nodes are traversed, not returned).
    func searchLayer<Scorer: NodeScorer, Filter: NodeFilter>(
        _ scorer: Scorer,
        entry: Neighbor,
        ef: Int,
        level: Int,
        locked: Bool,
        filter: Filter = AllNodes(),
        context: inout SearchContext
    ) {
        context.visited.reset()
        context.candidates.removeAll()
        context.results.removeAll()
        _ = context.visited.insert(entry.id)
        context.candidates.push(entry)
        if filter.includes(entry.id) { context.results.push(entry) }
        while let current = context.candidates.pop() {
            if let worst = context.results.top, current.distance > worst.distance, context.results.count >= ef { break }
            if locked {
                let count = readLinks(current.id, level: level, locked: true, into: &context.scratch)
                context.scratch.withUnsafeBufferPointer { buffer in
                    visit(
                        buffer.baseAddress.unsafelyUnwrapped,
                        count: count,
                        scorer: scorer,
                        ef: ef,
                        filter: filter,
                        context: &context
                    )
                }
            } else {
                let list = links(current.id, level: level)
                if let next = context.candidates.top { vectordb_prefetch(links(next.id, level: level)) }
                // Clamped: stored level-0 lists are not checked at load (`load`).
                let count = min(Int(list[0]), level == 0 ? maxLinks0 : maxLinks)
                visit(list + 1, count: count, scorer: scorer, ef: ef, filter: filter, context: &context)
            }
        }
    }

    /// Scores the unvisited nodes among `count` neighbour ids (an id out of range, possible only in
    /// a damaged stored graph, is skipped). The unvisited ones are gathered
    /// first (so their visited tags load in parallel), then each is scored while the next one's
    /// data is prefetched.
    @inline(__always)
    private func visit<Scorer: NodeScorer, Filter: NodeFilter>(
        _ neighbors: UnsafePointer<UInt32>,
        count: Int,
        scorer: Scorer,
        ef: Int,
        filter: Filter,
        context: inout SearchContext
    ) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(count, 1)) { buffer in
            let fresh = buffer.baseAddress.unsafelyUnwrapped
            var freshCount = 0
            let limit = UInt32(capacity)
            for slot in 0..<count where neighbors[slot] < limit && context.visited.insert(neighbors[slot]) {
                fresh[freshCount] = neighbors[slot]
                freshCount += 1
            }
            for slot in 0..<min(freshCount, Self.prefetchDistance) { scorer.prefetch(fresh[slot]) }
            for slot in 0..<freshCount {
                let neighbor = fresh[slot]
                if slot + Self.prefetchDistance < freshCount { scorer.prefetch(fresh[slot + Self.prefetchDistance]) }
                let distance = scorer.distance(to: neighbor)
                if context.results.count < ef || distance < (context.results.top?.distance ?? .infinity) {
                    let found = Neighbor(id: neighbor, distance: distance)
                    context.candidates.push(found)
                    guard filter.includes(neighbor) else { continue }
                    context.results.push(found)
                    if context.results.count > ef { _ = context.results.pop() }
                }
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
