import Foundation
import HNSW
import SECDocuments
import Testing

@testable import VectorStore

/// Goal: segments with an HNSW graph answer vector queries with high recall against exact search,
/// and filtered queries still return exactly min(k, matches) matching hits.
/// Strategy: one seeded segment of 3 000 random 16-dimensional rows with a graph, compared with
/// the exact ranking of the same rows (the oracle), unfiltered and with broad and selective filters.
@Suite struct GraphSearchTests {
    static let dimension = 16

    @Test func graphSegmentsAreMappedAndRecallIsHigh() async throws {
        let store = LocalStore(
            root: StoreTestSupport.temporaryDirectory(),
            options: StoreOptions(memtableBytesMax: 1 << 30, compactionFanIn: 2, graphRowsMin: 1_000)
        )
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(
            CollectionInfo(name: "g", embeddingModel: "m", dimension: Self.dimension)
        )
        var generator = SeededGenerator(seed: 99)
        var all: [ChunkRecord] = []
        for batch in 0..<30 {
            let records = try (0..<100).map {
                try StoreTestSupport.randomRecord(id: "r\(batch)-\($0)", dimension: Self.dimension, using: &generator)
            }
            try await collection.upsert(records)
            all += records
        }
        try await collection.flush()
        let reopened = try store.open(collection: "g")
        #expect(await reopened.segments.first?.source.graph != nil)
        let broad = [try MetadataFilter(parsing: "cik=1999901")]
        let selective = [try MetadataFilter(parsing: "cik=1999902"), try MetadataFilter(parsing: "form=10-Q")]
        var found = 0
        var wanted = 0
        for _ in 0..<20 {
            let query = try StoreTestSupport.randomRecord(id: "q", dimension: Self.dimension, using: &generator).vector
            for filters in [[], broad, selective] {
                let matching = try all.filter { record in try StoreTestSupport.matches(filters, record) }
                let exact = matching.map { record in
                    (record.id, zip(record.vector, query).reduce(Float(0)) { $0 + $1.0 * $1.1 })
                }.sorted { $0.1 > $1.1 }.prefix(10).map(\.0)
                let hits = try await reopened.search(SearchRequest(vector: query, k: 10, filters: filters))
                #expect(hits.count == min(10, matching.count))
                let hitIDs = Set(hits.map(\.id))
                #expect(hitIDs.isSubset(of: Set(matching.map(\.id))))
                found += Set(hits.map(\.id)).intersection(exact).count
                wanted += exact.count
            }
        }
        let recall = Double(found) / Double(wanted)
        #expect(recall >= 0.95, "recall@10 \(recall)")
    }

    /// A compaction extends its largest input's graph: that input's rows come first, in order, and
    /// the output's graph (over every row) still finds the exact neighbours.
    @Test func compactionExtendsTheLargestInputsGraph() async throws {
        let store = LocalStore(
            root: StoreTestSupport.temporaryDirectory(),
            options: StoreOptions(memtableBytesMax: 1 << 30, compactionFanIn: 2, graphRowsMin: 500)
        )
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(
            CollectionInfo(name: "g", embeddingModel: "m", dimension: Self.dimension)
        )
        var generator = SeededGenerator(seed: 5)
        var all: [ChunkRecord] = []
        // The larger input is written second: sequence order would put it last.
        for (batch, size) in [1_200, 2_000].enumerated() {
            let records = try (0..<size).map {
                try StoreTestSupport.randomRecord(id: "r\(batch)-\($0)", dimension: Self.dimension, using: &generator)
            }
            try await collection.upsert(records)
            try await collection.flush()
            all += records
        }
        let before = await collection.segments
        #expect(before.count == 2 && before.allSatisfy { $0.source.graph != nil })
        let largest = try #require(before.max { $0.source.rowCount < $1.source.rowCount })
        #expect(try await collection.compactIfNeeded())
        let after = await collection.segments
        let output = try #require(after.first)
        #expect(after.count == 1 && output.source.rowCount == all.count)
        #expect(Array(output.source.ids.prefix(largest.source.rowCount)) == largest.source.ids)
        let graph = try #require(output.source.graph)
        #expect(graph.count == all.count)
        // Extended, not rebuilt: the seed's nodes keep their levels, and the nodes added draw theirs
        // from the parameters' seed afresh (a rebuild would draw draws 2000… of one sequence).
        let seedLevels = try #require(largest.source.graph).exportGraph().levels
        let levels = graph.exportGraph().levels
        let added = all.count - seedLevels.count
        #expect(Array(levels.prefix(seedLevels.count)) == seedLevels)
        #expect(Array(levels.suffix(added)) == Array(seedLevels.prefix(added)))
        var found = 0
        for _ in 0..<20 {
            let query = try StoreTestSupport.randomRecord(id: "q", dimension: Self.dimension, using: &generator).vector
            let exact = all.map { record in
                (record.id, zip(record.vector, query).reduce(Float(0)) { $0 + $1.0 * $1.1 })
            }.sorted { $0.1 > $1.1 }.prefix(10).map(\.0)
            var request = SearchRequest(vector: query, k: 10)
            request.strategy = .graph
            let hits = try await collection.search(request)
            found += Set(hits.map(\.id)).intersection(exact).count
        }
        #expect(Double(found) / 200 >= 0.95, "recall@10 \(Double(found) / 200)")
    }
}
