import CIntrinsics

/// The distance from one query to graph nodes as a traversal sees it: exact float32, or the
/// int8 approximation that is re-ranked afterwards.
protocol NodeScorer {
    /// Distance to `node` under the index's metric (or its quantised approximation); smaller is closer.
    func distance(to node: UInt32) -> Float
    /// Hints the CPU to start loading what `distance(to:)` reads for `node`.
    func prefetch(_ node: UInt32)
}

/// Exact distances on the float32 vectors.
struct FloatScorer: NodeScorer {
    let query: UnsafePointer<Float>
    let vectors: UnsafePointer<Float>
    let dimension: Int
    let metric: Metric

    @inline(__always)
    func distance(to node: UInt32) -> Float {
        DistanceKernels.distance(metric, query, vectors + Int(node) * dimension, count: dimension)
    }

    @inline(__always)
    func prefetch(_ node: UInt32) { vectordb_prefetch(vectors + Int(node) * dimension) }
}

/// Approximate distances on 8-bit codes (see `ScalarQuantizer` for the algebra): squared L2 is
/// `step² × Σ (q − c)²`; a dot product is `queryConstant + correction[node] + step² × Σ q × c`.
struct Int8Scorer: NodeScorer {
    let query: UnsafePointer<UInt8>
    let codes: UnsafePointer<UInt8>
    /// Bytes from one node's codes to the next (the dimension rounded up to 64).
    let codeStride: Int
    let dimension: Int
    let corrections: UnsafePointer<Float>
    let stepSquared: Float
    /// `Σ offset² + correction(query)`, the query's share of a quantised dot product.
    let queryConstant: Float
    let metric: Metric

    @inline(__always)
    func distance(to node: UInt32) -> Float {
        let row = codes + Int(node) * codeStride
        switch metric {
        case .l2:
            return stepSquared * Float(Int8Kernels.l2Squared(query, row, count: dimension))
        case .cosine:
            let dot = Float(Int8Kernels.dot(query, row, count: dimension))
            return 1 - (queryConstant + corrections[Int(node)] + stepSquared * dot)
        case .dot:
            let dot = Float(Int8Kernels.dot(query, row, count: dimension))
            return -(queryConstant + corrections[Int(node)] + stepSquared * dot)
        }
    }

    @inline(__always)
    func prefetch(_ node: UInt32) {
        let row = codes + Int(node) * codeStride
        var offset = 0
        while offset < dimension {
            vectordb_prefetch(row + offset)
            offset += 64
        }
    }
}
