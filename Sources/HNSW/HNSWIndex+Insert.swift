extension HNSWIndex {
    /// Adds a vector and returns its id (its insertion ordinal). Safe to call from several threads.
    ///
    /// - Throws: `HNSWError.badInput` for a wrong dimension, a non-finite component or a full index.
    @discardableResult
    public func add(_ vector: [Float]) throws(HNSWError) -> UInt32 {
        let prepared = try VectorCheck.prepare(vector, dimension: dimension, metric: metric)
        var context = contextPool.take {
            SearchContext(capacity: capacity, ef: parameters.efConstruction, maxLinks: maxLinks0)
        }
        defer { contextPool.give(context) }
        return try prepared.withUnsafeBufferPointer { (buffer) throws(HNSWError) -> UInt32 in
            guard let pointer = buffer.baseAddress else {
                throw HNSWError(code: .badInput, message: "empty vector")
            }
            let (id, levels) = try reserveNodes(1)
            insert(pointer, id: id, level: levels[0], context: &context)
            return id
        }
    }

    /// Links a reserved node into the graph.
    func insert(_ prepared: UnsafePointer<Float>, id: UInt32, level: Int, context: inout SearchContext) {
        vector(id).update(from: prepared, count: dimension)
        if let quantizer { encode(id, with: quantizer) }
        nodeLevels[Int(id)] = Int32(level)
        if level > 0 {
            let block = UnsafeMutablePointer<UInt32>.allocate(capacity: level * (maxLinks + 1))
            block.initialize(repeating: 0, count: level * (maxLinks + 1))
            upperLinks[Int(id)] = block
        }
        globalLock.lock(0)
        let topLevel = Int(maxLevel)
        let entry = entryPoint
        let raisesTop = level > topLevel
        if !raisesTop { globalLock.unlock(0) }
        defer {
            if raisesTop {
                entryPoint = Int32(id)
                maxLevel = Int32(level)
                globalLock.unlock(0)
            }
        }
        guard entry >= 0 else { return }
        let query = UnsafePointer(vector(id))
        let scorer = floatScorer(query)
        var current = Neighbor(id: UInt32(entry), distance: distance(query, UInt32(entry)))
        if level < topLevel {
            current = greedyDescent(
                scorer,
                from: current,
                fromLevel: topLevel,
                toLevel: level + 1,
                locked: true,
                context: &context
            )
        }
        var layer = min(level, topLevel)
        while layer >= 0 {
            searchLayer(
                scorer,
                entry: current,
                ef: parameters.efConstruction,
                level: layer,
                locked: true,
                context: &context
            )
            let candidates = context.results.sortedAscending()
            let selected = selectNeighbors(candidates, limit: maxLinks)
            connect(id, to: selected, level: layer)
            if let closest = candidates.first { current = closest }
            layer -= 1
        }
    }

    /// The heuristic of the HNSW paper (algorithm 4): keep a candidate only if it is closer to the
    /// base than to every neighbour already kept, which spreads links across directions.
    func selectNeighbors(_ sorted: [Neighbor], limit: Int) -> [Neighbor] {
        guard sorted.count > limit else { return sorted }
        var selected: [Neighbor] = []
        selected.reserveCapacity(limit)
        for candidate in sorted {
            if selected.count >= limit { break }
            let candidateVector = UnsafePointer(vector(candidate.id))
            let isDiverse = selected.allSatisfy { kept in
                DistanceKernels.distance(metric, candidateVector, vector(kept.id), count: dimension)
                    >= candidate.distance
            }
            if isDiverse { selected.append(candidate) }
        }
        return selected
    }

    /// Writes `node`'s links at `level` and adds `node` to each neighbour's list, shrinking a full
    /// list with the same heuristic.
    func connect(_ node: UInt32, to neighbors: [Neighbor], level: Int) {
        let capacityAtLevel = level == 0 ? maxLinks0 : maxLinks
        locks.withLock(Int(node)) {
            let list = links(node, level: level)
            list[0] = UInt32(neighbors.count)
            for (slot, neighbor) in neighbors.enumerated() { list[slot + 1] = neighbor.id }
        }
        for neighbor in neighbors {
            locks.withLock(Int(neighbor.id)) {
                let list = links(neighbor.id, level: level)
                let count = Int(list[0])
                if count < capacityAtLevel {
                    list[count + 1] = node
                    list[0] = UInt32(count + 1)
                    return
                }
                let base = UnsafePointer(vector(neighbor.id))
                var candidates = [Neighbor(id: node, distance: distance(base, node))]
                candidates.reserveCapacity(count + 1)
                for slot in 0..<count {
                    let other = list[slot + 1]
                    candidates.append(Neighbor(id: other, distance: distance(base, other)))
                }
                candidates.sort()
                let kept = selectNeighbors(candidates, limit: capacityAtLevel)
                list[0] = UInt32(kept.count)
                for (slot, keptNeighbor) in kept.enumerated() { list[slot + 1] = keptNeighbor.id }
            }
        }
    }
}
