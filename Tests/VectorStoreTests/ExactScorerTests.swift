import Testing

@testable import VectorStore

@Suite struct ExactScorerTests {
    @Test func blasDotProductsEqualANaiveLoop() {
        var generator = SystemRandomNumberGenerator()
        let rows = 57
        let dimension = 33
        let matrix = (0..<(rows * dimension)).map { _ in Float.random(in: -1...1, using: &generator) }
        let query = (0..<dimension).map { _ in Float.random(in: -1...1, using: &generator) }
        let scores = ExactScorer.dotProducts(matrix: matrix, rows: rows, dimension: dimension, query: query)
        for row in 0..<rows {
            let expected = (0..<dimension).reduce(Float(0)) { $0 + matrix[row * dimension + $1] * query[$1] }
            #expect(abs(scores[row] - expected) < 1e-4)
        }
    }
}
