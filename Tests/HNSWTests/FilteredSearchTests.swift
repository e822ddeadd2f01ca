import Foundation
import HNSW
import Testing

/// Goal: deleted rows (tombstones kept outside the graph) never come back from a search, and the
/// search still finds k live rows, with float32 and int8 traversal alike. Strategy: a seeded dataset
/// with every third row deleted; answers compared with `FlatIndex` over the live rows. Invariants:
/// no deleted id returned; k hits per query; recall@10 ≥ 0.95 against the filtered oracle.
@Suite struct FilteredSearchTests {
    @Test(arguments: [Quantization.none, .int8])
    func deletedRowsAreNeverReturned(quantization: Quantization) throws {
        let base = HNSWIndexTests.dataset(count: 2_000, dimension: 48, clusters: 30, seed: 7)
        let queries = HNSWIndexTests.dataset(count: 60, dimension: 48, clusters: 30, seed: 99)
        let index = try HNSWIndex(
            dimension: 48,
            metric: .cosine,
            capacity: base.count,
            parameters: HNSWParameters(quantization: quantization)
        )
        try index.add(contentsOf: base, threads: 2)
        var oracle = FlatIndex(dimension: 48, metric: .cosine)
        for vector in base { try oracle.add(vector) }
        let isLive: (UInt32) -> Bool = { $0 % 3 != 0 }
        var found = 0
        for query in queries {
            let hits = try index.search(query, k: 10, isIncluded: isLive)
            #expect(hits.count == 10)
            #expect(hits.allSatisfy { isLive($0.id) })
            #expect(hits == hits.sorted())
            let truth = Set(try oracle.search(query, k: 10, isIncluded: isLive).map(\.id))
            found += hits.filter { truth.contains($0.id) }.count
        }
        let recall = Double(found) / Double(queries.count * 10)
        #expect(recall >= 0.95, "recall@10 over live rows = \(recall)")
        // A deleted row is not found even when queried with its own vector.
        #expect(try index.search(base[3], k: 1).first?.id == 3)
        #expect(try index.search(base[3], k: 5, isIncluded: isLive).allSatisfy { $0.id != 3 })
    }

    @Test func everythingDeletedReturnsNothing() throws {
        let base = HNSWIndexTests.dataset(count: 300, dimension: 16, clusters: 5, seed: 3)
        let index = try HNSWIndex(
            dimension: 16,
            metric: .l2,
            capacity: base.count,
            parameters: HNSWParameters(quantization: .int8)
        )
        try index.add(contentsOf: base, threads: 1)
        #expect(try index.search(base[0], k: 10, isIncluded: { _ in false }).isEmpty)
        #expect(try index.search(base[0], k: 10, isIncluded: { $0 == 250 }).map(\.id) == [250])
    }
}
