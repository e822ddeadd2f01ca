import Foundation
import SECDocuments
import Testing

@testable import VectorStore

/// Goal: search over memtable + many segments equals exact search over the live set.
/// Strategy: seeded random upserts, overwrites and deletes with a tiny memtable bound (so rows are
/// spread over many segments, shadowed versions and tombstones), mirrored in a dictionary oracle;
/// then random queries in every mode, with and without filters, also after a reopen.
/// Invariants: vector hits equal brute force over the oracle; BM25 scores equal those of one source
/// holding just the live rows; filtered searches return exactly min(k, matches) matching hits.
@Suite struct SearchOracleTests {
    static let dimension = 16

    static func populate(seed: UInt64) async throws -> (LocalStore, LocalCollection, [String: ChunkRecord]) {
        let store = LocalStore(
            root: StoreTestSupport.temporaryDirectory(),
            options: StoreOptions(
                memtableBytesMax: 12 * 1024,
                segmentCodec: seed % 2 == 0 ? .lz4 : .zstd,
                compactionFanIn: 3
            )
        )
        let collection = try store.openOrCreate(CollectionInfo(name: "c", embeddingModel: "m", dimension: dimension))
        var generator = SeededGenerator(seed: seed)
        var oracle: [String: ChunkRecord] = [:]
        for _ in 0..<40 {
            if generator.next() % 5 == 0, !oracle.isEmpty {
                let ids = oracle.keys.sorted().filter { _ in generator.next() % 3 == 0 }
                try await collection.delete(ids + ["never-written"])
                for id in ids { oracle[id] = nil }
            } else {
                let batch = try (0..<(1 + Int(generator.next() % 6))).map { _ in
                    try StoreTestSupport.randomRecord(
                        id: "id-\(generator.next() % 120)",
                        dimension: dimension,
                        using: &generator
                    )
                }
                try await collection.upsert(batch)
                for record in batch { oracle[record.id] = record }
            }
        }
        // Compaction runs in the background; its versions are part of what the test checks.
        try await collection.waitForMaintenance()
        return (store, collection, oracle)
    }

    @Test(arguments: 0..<4)
    func searchEqualsTheOracle(seed: Int) async throws {
        let (store, collection, oracle) = try await Self.populate(seed: UInt64(seed))
        defer { try? FileManager.default.removeItem(at: store.root) }
        let segmentCount = await collection.segments.count
        let memtableBytes = await collection.memtable.estimatedBytes
        #expect(segmentCount >= 1, "the memtable bound should force flushes: \(segmentCount), \(memtableBytes)")
        let version = await collection.manifest.version
        #expect(Int(version) > segmentCount + 1, "compaction should have merged segments: version \(version)")
        try await Self.check(collection, oracle: oracle, seed: UInt64(seed))
        let reopened = try store.open(collection: "c")
        try await Self.check(reopened, oracle: oracle, seed: UInt64(seed) + 100)
    }

    static func check(_ collection: LocalCollection, oracle: [String: ChunkRecord], seed: UInt64) async throws {
        #expect(await collection.count == oracle.count)
        let stored = await collection.records()
        #expect(Dictionary(uniqueKeysWithValues: stored.map { ($0.id, $0) }) == oracle)
        var generator = SeededGenerator(seed: seed)
        let filterSets: [[MetadataFilter]] = [
            [], [try MetadataFilter(parsing: "cik=1999902")],
            [try MetadataFilter(parsing: "cik=1999901"), try MetadataFilter(parsing: "form=10-Q")],
            [try MetadataFilter(parsing: "ticker=NONE")],
        ]
        let live = Array(oracle.values)
        let info = await collection.info
        let singleSource = SearchSource(
            rows: try live.map { StoredRow(sequence: 1, record: try StoreTestSupport.row($0), writtenAtMs: 0) },
            schema: info.schema
        )
        let reference = CollectionSnapshot(info: info, sources: [singleSource])
        for _ in 0..<6 {
            let query = try StoreTestSupport.randomRecord(id: "q", dimension: dimension, using: &generator)
            for filters in filterSets {
                let matching = try live.filter { record in try StoreTestSupport.matches(filters, record) }
                for k in [1, 5, 200] {
                    let hits = try await collection.search(SearchRequest(vector: query.vector, k: k, filters: filters))
                    #expect(hits.count == min(k, matching.count))
                    let expected = matching.map { record in
                        (record.id, zip(record.vector, query.vector).reduce(Float(0)) { $0 + $1.0 * $1.1 })
                    }.sorted { $0.1 > $1.1 }.prefix(k)
                    #expect(hits.map(\.id) == expected.map(\.0))
                    let text = query.chunk.text
                    let lexical = try await collection.search(
                        SearchRequest(vector: nil, text: text, k: k, filters: filters, mode: .lexical)
                    )
                    let referenceLexical = try reference.search(
                        SearchRequest(vector: nil, text: text, k: k, filters: filters, mode: .lexical)
                    )
                    #expect(lexical.map(\.score) == referenceLexical.map(\.score))
                    let hybrid = try await collection.search(
                        SearchRequest(vector: query.vector, text: text, k: k, filters: filters, mode: .hybrid)
                    )
                    #expect(hybrid.count == min(k, matching.count))
                }
            }
        }
    }
}
