/// Exact search by scanning every vector: the oracle HNSW is tested against, and the right index for
/// small or heavily filtered sets.
public struct FlatIndex: Sendable {
    public let dimension: Int
    public let metric: Metric
    /// Row-major vectors, `count × dimension` (normalised for cosine).
    public private(set) var vectors: [Float] = []

    public init(dimension: Int, metric: Metric) {
        self.dimension = dimension
        self.metric = metric
    }

    public var count: Int { vectors.count / dimension }

    /// Appends a vector; its id is the previous count.
    ///
    /// - Throws: `HNSWError.badInput` for a wrong dimension or a non-finite component.
    @discardableResult
    public mutating func add(_ vector: [Float]) throws(HNSWError) -> UInt32 {
        let prepared = try VectorCheck.prepare(vector, dimension: dimension, metric: metric)
        vectors.append(contentsOf: prepared)
        return UInt32(count - 1)
    }

    /// The `k` nearest vectors among those `isIncluded` accepts, closest first.
    public func search(
        _ query: [Float],
        k: Int,
        isIncluded: (UInt32) -> Bool = { _ in true }
    ) throws(HNSWError)
        -> [Neighbor]
    {
        let prepared = try VectorCheck.prepare(query, dimension: dimension, metric: metric)
        var best = MaxHeap(capacity: k + 1)
        prepared.withUnsafeBufferPointer { q in
            vectors.withUnsafeBufferPointer { all in
                guard let base = all.baseAddress, let query = q.baseAddress else { return }
                for row in 0..<count where isIncluded(UInt32(row)) {
                    let distance = DistanceKernels.distance(metric, query, base + row * dimension, count: dimension)
                    if best.count < k {
                        best.push(Neighbor(id: UInt32(row), distance: distance))
                    } else if let worst = best.top, Neighbor(id: UInt32(row), distance: distance) < worst {
                        _ = best.pop()
                        best.push(Neighbor(id: UInt32(row), distance: distance))
                    }
                }
            }
        }
        return best.sortedAscending()
    }
}

/// Validation shared by every index: dimension, finiteness, and normalisation for cosine.
enum VectorCheck {
    static func prepare(_ vector: [Float], dimension: Int, metric: Metric) throws(HNSWError) -> [Float] {
        guard vector.count == dimension else {
            throw HNSWError(code: .badInput, message: "vector has \(vector.count) components, index has \(dimension)")
        }
        if let bad = vector.firstIndex(where: { !$0.isFinite }) {
            throw HNSWError(code: .badInput, message: "vector component \(bad) is not finite")
        }
        guard metric == .cosine else { return vector }
        var normalized = vector
        DistanceKernels.normalize(&normalized)
        return normalized
    }
}
