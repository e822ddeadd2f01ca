import Dispatch

extension HNSWIndex {
    /// Adds many vectors using `threads` worker threads; returns the ids in input order.
    ///
    /// Input is validated whole before anything is inserted, so a bad vector leaves the index
    /// unchanged. The first vector is inserted alone (it becomes the entry point). With int8
    /// quantisation the quantiser is then retrained on all vectors (`trainQuantizer()`).
    ///
    /// - Throws: `HNSWError.badInput` naming the first bad vector, or when the batch does not fit.
    @discardableResult
    public func add(contentsOf batch: [[Float]], threads: Int) throws(HNSWError) -> [UInt32] {
        var prepared: [Float] = []
        prepared.reserveCapacity(batch.count * dimension)
        for (index, vector) in batch.enumerated() {
            do {
                prepared.append(contentsOf: try VectorCheck.prepare(vector, dimension: dimension, metric: metric))
            } catch {
                throw HNSWError(code: .badInput, message: "vector \(index): \(error.message)")
            }
        }
        guard !batch.isEmpty else { return [] }
        let (first, levels) = try reserveNodes(batch.count)
        let workers = max(1, min(threads, batch.count))
        prepared.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let dimension = self.dimension
            var context = SearchContext(capacity: capacity, ef: parameters.efConstruction, maxLinks: maxLinks0)
            insert(base, id: first, level: levels[0], context: &context)
            let vectors = SendablePointer(base: base)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var context = SearchContext(capacity: capacity, ef: parameters.efConstruction, maxLinks: maxLinks0)
                var index = 1 + worker
                while index < batch.count {
                    insert(
                        vectors.base + index * dimension,
                        id: first + UInt32(index),
                        level: levels[index],
                        context: &context
                    )
                    index += workers
                }
            }
        }
        trainQuantizer()
        return (0..<batch.count).map { first + UInt32($0) }
    }
}

/// The prepared vectors handed to the build workers, which only read them.
private struct SendablePointer: @unchecked Sendable {
    let base: UnsafePointer<Float>
}
