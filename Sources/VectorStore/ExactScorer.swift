import CBLAS

/// Exact (brute-force) similarity over a row-major matrix of vectors, with OpenBLAS `sgemv`.
enum ExactScorer {
    /// Dot products of every row of `matrix` (`rows × dimension`, row-major) with `query`.
    static func dotProducts(matrix: [Float], rows: Int, dimension: Int, query: [Float]) -> [Float] {
        matrix.withUnsafeBufferPointer { dotProducts(matrix: $0, rows: rows, dimension: dimension, query: query) }
    }

    /// Dot products of every row of `matrix` (`rows × dimension`, row-major, e.g. memory-mapped).
    static func dotProducts(
        matrix: UnsafeBufferPointer<Float>,
        rows: Int,
        dimension: Int,
        query: [Float]
    ) -> [Float] {
        precondition(query.count == dimension && matrix.count == rows * dimension, "shape mismatch")
        guard rows > 0 else { return [] }
        var scores = [Float](repeating: 0, count: rows)
        guard vectordb_blas_load() == 1 else {
            // Without OpenBLAS (not installed): the same products, one row at a time.
            for row in 0..<rows {
                var sum: Float = 0
                for column in 0..<dimension { sum += matrix[row * dimension + column] * query[column] }
                scores[row] = sum
            }
            return scores
        }
        query.withUnsafeBufferPointer { x in
            scores.withUnsafeMutableBufferPointer { y in
                vectordb_sgemv(
                    CblasRowMajor,
                    CblasNoTrans,
                    blasint(rows),
                    blasint(dimension),
                    1,
                    matrix.baseAddress,
                    blasint(dimension),
                    x.baseAddress,
                    1,
                    0,
                    y.baseAddress,
                    1
                )
            }
        }
        return scores
    }

    /// `-|row - query|²` for every row (higher is closer): `2·dot − |row|² − |query|²`.
    static func negatedSquaredDistances(
        matrix: UnsafeBufferPointer<Float>,
        rows: Int,
        dimension: Int,
        query: [Float]
    ) -> [Float] {
        var scores = dotProducts(matrix: matrix, rows: rows, dimension: dimension, query: query)
        var queryNorm: Float = 0
        for component in query { queryNorm += component * component }
        for row in 0..<rows {
            var norm: Float = 0
            for index in (row * dimension)..<((row + 1) * dimension) { norm += matrix[index] * matrix[index] }
            scores[row] = 2 * scores[row] - norm - queryNorm
        }
        return scores
    }
}
