import Foundation
import HNSW
import Testing

/// Goal: HNSW answers agree with the exact `FlatIndex` oracle. Strategy: seeded Gaussian-cluster
/// datasets (replayable from the seed), recall@10 measured against brute force. Invariants: recall at
/// the default efSearch ≥ 0.95; results sorted by distance; ids stable.
@Suite struct HNSWIndexTests {
    static func dataset(count: Int, dimension: Int, clusters: Int, seed: UInt64, normalize: Bool = false) -> [[Float]] {
        var generator = TestGenerator(seed: seed)
        let centers = (0..<clusters).map { _ in (0..<dimension).map { _ in generator.gaussian() } }
        return (0..<count).map { index in
            let vector = centers[index % clusters].map { $0 + 0.35 * generator.gaussian() }
            guard normalize else { return vector }
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return vector.map { $0 / norm }
        }
    }

    static func recall(index: HNSWIndex, oracle: FlatIndex, queries: [[Float]], k: Int, ef: Int?) throws -> Double {
        var found = 0
        for query in queries {
            let truth = Set(try oracle.search(query, k: k).map(\.id))
            found += try index.search(query, k: k, ef: ef).filter { truth.contains($0.id) }.count
        }
        return Double(found) / Double(queries.count * k)
    }

    @Test(arguments: [Metric.cosine, .l2, .dot])
    func recallAtDefaultEfMeetsTheBar(metric: Metric) throws {
        // Inner-product search is run on unit vectors, as `Metric.dot` documents.
        let normalize = metric == .dot
        let base = Self.dataset(count: 2_000, dimension: 48, clusters: 30, seed: 7, normalize: normalize)
        let queries = Self.dataset(count: 100, dimension: 48, clusters: 30, seed: 99, normalize: normalize)
        let index = try HNSWIndex(dimension: 48, metric: metric, capacity: base.count)
        var oracle = FlatIndex(dimension: 48, metric: metric)
        for vector in base {
            try index.add(vector)
            try oracle.add(vector)
        }
        let recall = try Self.recall(index: index, oracle: oracle, queries: queries, k: 10, ef: nil)
        #expect(recall >= 0.95, "recall@10 = \(recall) for \(metric)")
    }

    @Test func parallelBuildKeepsRecall() throws {
        let base = Self.dataset(count: 2_500, dimension: 32, clusters: 40, seed: 3)
        let queries = Self.dataset(count: 100, dimension: 32, clusters: 40, seed: 4)
        let index = try HNSWIndex(dimension: 32, metric: .cosine, capacity: base.count)
        let ids = try index.add(contentsOf: base, threads: 2)
        #expect(ids.count == base.count)
        #expect(Set(ids).count == base.count)
        #expect(index.count == base.count)
        var oracle = FlatIndex(dimension: 32, metric: .cosine)
        for vector in base { try oracle.add(vector) }
        let recall = try Self.recall(index: index, oracle: oracle, queries: queries, k: 10, ef: nil)
        #expect(recall >= 0.95, "recall@10 = \(recall)")
        let exact = try Self.recall(index: index, oracle: oracle, queries: queries, k: 10, ef: 400)
        #expect(exact >= 0.99)
    }

    @Test func resultsAreSortedAndFindThemselves() throws {
        let base = Self.dataset(count: 500, dimension: 16, clusters: 5, seed: 11)
        let index = try HNSWIndex(dimension: 16, metric: .l2, capacity: base.count)
        for vector in base { try index.add(vector) }
        for probe in [0, 17, 499] {
            let hits = try index.search(base[probe], k: 5)
            #expect(hits.first?.id == UInt32(probe))
            #expect(hits == hits.sorted())
        }
    }

    @Test func badInputIsRejectedAndLeavesTheIndexUnchanged() throws {
        let index = try HNSWIndex(dimension: 4, metric: .cosine, capacity: 2)
        #expect(throws: HNSWError.self) { try index.add([1, 2, 3]) }
        #expect(throws: HNSWError.self) { try index.add([1, .nan, 0, 0]) }
        #expect(throws: HNSWError.self) {
            try index.add(contentsOf: [[1, 0, 0, 0], [0, .infinity, 0, 0]], threads: 2)
        }
        #expect(index.count == 0)
        try index.add([1, 0, 0, 0])
        try index.add([0, 1, 0, 0])
        #expect(throws: HNSWError.self) { try index.add([0, 0, 1, 0]) }
        #expect(throws: HNSWError.self) { try index.search([1, 0, 0, 0], k: 0) }
        #expect(throws: HNSWError.self) {
            try HNSWIndex(dimension: 4, metric: .l2, capacity: 10, parameters: HNSWParameters(m: 1))
        }
    }

    @Test func emptyIndexReturnsNothing() throws {
        let index = try HNSWIndex(dimension: 4, metric: .l2, capacity: 10)
        #expect(try index.search([1, 2, 3, 4], k: 3).isEmpty)
    }
}

@Suite struct DistanceKernelTests {
    @Test(arguments: [1, 15, 16, 17, 31, 32, 33, 100, 384])
    func kernelsMatchAScalarLoop(dimension: Int) {
        var generator = TestGenerator(seed: UInt64(dimension))
        let a = (0..<dimension).map { _ in generator.gaussian() }
        let b = (0..<dimension).map { _ in generator.gaussian() }
        let dot = a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in DistanceKernels.dot(x.baseAddress!, y.baseAddress!, count: dimension) }
        }
        let l2 = a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in DistanceKernels.l2Squared(x.baseAddress!, y.baseAddress!, count: dimension)
            }
        }
        let expectedDot = zip(a, b).reduce(Float(0)) { $0 + $1.0 * $1.1 }
        let expectedL2 = zip(a, b).reduce(Float(0)) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        #expect(abs(dot - expectedDot) <= 1e-3 * max(1, abs(expectedDot)))
        #expect(abs(l2 - expectedL2) <= 1e-3 * max(1, expectedL2))
    }
}

/// Seeded generator with a Box–Muller Gaussian, so datasets replay from their seed.
struct TestGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x1234_5678 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func uniform() -> Float { Float(next() >> 40) / Float(1 << 24) }

    mutating func gaussian() -> Float {
        let u1 = max(uniform(), 1e-7)
        let u2 = uniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
}
