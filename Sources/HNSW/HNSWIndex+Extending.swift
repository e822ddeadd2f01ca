extension HNSWIndex {
    /// A mutable index holding a copy of `seed`'s graph — the same nodes, ids, vectors, links and
    /// entry point — with room for `capacity` nodes, so that more vectors can be added to it
    /// instead of building the whole graph again (a compaction extends its largest input's graph
    /// with the rows of the others). `seed` may be a search-only index over stored arrays.
    ///
    /// Nodes added later draw their levels from `parameters.seed` afresh; with int8 quantisation the
    /// quantiser is retrained by the next `add(contentsOf:threads:)`.
    ///
    /// - Throws: `HNSWError.badInput` when `capacity` is below `seed.count`, or as
    ///   `init(dimension:metric:capacity:parameters:)`; `HNSWError.corruption` when a level-0 link
    ///   list of the seed is out of range (`verifyLinks()`).
    public convenience init(extending seed: HNSWIndex, capacity: Int) throws(HNSWError) {
        let count = seed.count
        guard capacity >= count else {
            throw HNSWError(code: .badInput, message: "capacity \(capacity) is below the seed's \(count) nodes")
        }
        // A stored seed's level-0 lists are not checked at load; inserts follow them unclamped.
        try seed.verifyLinks()
        try self.init(dimension: seed.dimension, metric: seed.metric, capacity: capacity, parameters: seed.parameters)
        guard count > 0 else { return }
        vectors.update(from: seed.vectors, count: count * dimension)
        level0.update(from: seed.level0, count: count * level0Stride)
        nodeLevels.update(from: seed.nodeLevels, count: count)
        let blockWords = maxLinks + 1
        for node in 0..<count where nodeLevels[node] > 0 {
            guard let source = seed.upperLinks[node] else { continue }
            let words = Int(nodeLevels[node]) * blockWords
            let block = UnsafeMutablePointer<UInt32>.allocate(capacity: words)
            block.initialize(from: source, count: words)
            upperLinks[node] = block
        }
        nodeCount = count
        entryPoint = seed.entryPoint
        maxLevel = seed.maxLevel
    }
}
