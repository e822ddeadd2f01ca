import CBLAS

/// Exact (brute-force) similarity over a row-major matrix of vectors, with OpenBLAS `sgemv`.
enum ExactScorer {
    /// Dot products of every row of `matrix` (`rows × dimension`, row-major) with `query`.
    static func dotProducts(matrix: [Float], rows: Int, dimension: Int, query: [Float]) -> [Float] {
        precondition(query.count == dimension && matrix.count == rows * dimension, "shape mismatch")
        guard rows > 0 else { return [] }
        var scores = [Float](repeating: 0, count: rows)
        matrix.withUnsafeBufferPointer { a in
            query.withUnsafeBufferPointer { x in
                scores.withUnsafeMutableBufferPointer { y in
                    cblas_sgemv(
                        CblasRowMajor,
                        CblasNoTrans,
                        blasint(rows),
                        blasint(dimension),
                        1,
                        a.baseAddress,
                        blasint(dimension),
                        x.baseAddress,
                        1,
                        0,
                        y.baseAddress,
                        1
                    )
                }
            }
        }
        return scores
    }

    /// Indices of the `k` highest scores among `candidates`, best first; ties by lower index.
    static func topK(scores: [Float], candidates: [Int], k: Int) -> [Int] {
        candidates.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }.prefix(k).map { $0 }
    }
}
