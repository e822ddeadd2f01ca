import HNSW
import Testing

/// A graph loaded over stored arrays does not read its level-0 links at load: a damaged list (a
/// count above 2m, an id out of range) costs recall but is never followed out of range, and
/// `verifyLinks()` (what a scrub runs) reports it.
@Suite struct StoredGraphLinkTests {
    @Test func damagedLevelZeroLinksAreSkippedBySearchAndFoundByVerify() throws {
        let base = HNSWIndexTests.dataset(count: 500, dimension: 16, clusters: 10, seed: 21)
        let built = try HNSWIndex(dimension: 16, metric: .l2, capacity: base.count)
        try built.add(contentsOf: base, threads: 1)
        let graph = built.exportGraph()
        var level0 = graph.level0
        let stride = 2 * built.parameters.m + 1
        level0[7 * stride + 1] = 1_000_000  // an id out of range in node 7's list
        level0[9 * stride] = UInt32(stride + 5)  // a count past the list
        let vectors = base.flatMap { $0 }
        let loaded = try vectors.withUnsafeBufferPointer { vectorBuffer in
            try graph.levels.withUnsafeBufferPointer { levels in
                try level0.withUnsafeBufferPointer { links in
                    try graph.upper.withUnsafeBufferPointer { upper in
                        let storage = HNSWGraphStorage(
                            dimension: 16,
                            count: base.count,
                            entryPoint: graph.entryPoint,
                            maxLevel: graph.maxLevel,
                            vectors: vectorBuffer.baseAddress.unsafelyUnwrapped,
                            levels: levels.baseAddress.unsafelyUnwrapped,
                            level0: links.baseAddress.unsafelyUnwrapped,
                            upper: upper.baseAddress ?? links.baseAddress.unsafelyUnwrapped,
                            upperCount: graph.upper.count,
                            owner: 0
                        )
                        let index = try HNSWIndex.load(storage, metric: .l2, parameters: built.parameters)
                        for query in base.prefix(50) {
                            let hits = try index.search(query, k: 5)
                            #expect(hits.count == 5 && hits.allSatisfy { $0.id < 500 })
                        }
                        #expect(throws: HNSWError.self) { try index.verifyLinks() }
                        return index.count
                    }
                }
            }
        }
        #expect(loaded == base.count)
        #expect(throws: Never.self) { try built.verifyLinks() }
    }
}
