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
}
