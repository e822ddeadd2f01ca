import HNSW
import Testing

/// An index extending another's graph (a compaction seeding its output with its largest input's
/// graph): the seed's nodes keep their ids and vectors, and the extended graph answers as well as
/// one built from scratch — over the seed's nodes and the added ones alike.
@Suite struct ExtendingTests {
    @Test(arguments: [Metric.cosine, .l2])
    func anExtendedGraphKeepsIdsAndRecall(metric: Metric) throws {
        let base = HNSWIndexTests.dataset(count: 3_000, dimension: 32, clusters: 40, seed: 11)
        let queries = HNSWIndexTests.dataset(count: 100, dimension: 32, clusters: 40, seed: 12)
        let seed = try HNSWIndex(dimension: 32, metric: metric, capacity: 2_000)
        try seed.add(contentsOf: Array(base[..<2_000]), threads: 2)
        let extended = try HNSWIndex(extending: seed, capacity: base.count)
        #expect(extended.count == 2_000)
        let added = try extended.add(contentsOf: Array(base[2_000...]), threads: 2)
        #expect(added == (2_000..<3_000).map(UInt32.init))
        #expect(extended.count == base.count)
        // The seed is unchanged (its storage is copied, not shared).
        #expect(seed.count == 2_000)
        var oracle = FlatIndex(dimension: 32, metric: metric)
        for vector in base { try oracle.add(vector) }
        let recall = try HNSWIndexTests.recall(index: extended, oracle: oracle, queries: queries, k: 10, ef: nil)
        #expect(recall >= 0.95, "recall@10 = \(recall)")
        // Every seed node is still found by its own vector.
        for id in stride(from: 0, to: 2_000, by: 97) {
            #expect(try extended.search(base[id], k: 1).first?.id == UInt32(id))
        }
    }

    @Test func aSeedLargerThanTheCapacityIsRefused() throws {
        let seed = try HNSWIndex(dimension: 4, metric: .l2, capacity: 10)
        try seed.add(contentsOf: (0..<10).map { [Float($0), 0, 0, 1] }, threads: 1)
        #expect(throws: HNSWError.self) { try HNSWIndex(extending: seed, capacity: 9) }
    }
}
