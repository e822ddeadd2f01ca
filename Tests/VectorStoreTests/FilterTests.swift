import Foundation
import HNSW
import SECDocuments
import Testing

@testable import VectorStore

/// Typed filters on any schema field. Property test (goal: a filtered search returns exactly
/// `min(k, matches)` hits, all matching, equal to the `FlatIndex` oracle when searched exactly;
/// strategy: seeded random documents spread over several segments and the memtable, seeded random
/// and / or / not trees of eq, in, range and prefix conditions, evaluated by an independent oracle).
@Suite struct FilterTests {
    static func collection(
        _ root: URL,
        graphRowsMin: Int,
        metric: VectorMetric = .cosine,
        count: Int,
        seed: UInt64
    ) async throws -> (LocalCollection, [Document]) {
        let options = StoreOptions(memtableBytesMax: 64 * 1024, compactionFanIn: 8, graphRowsMin: graphRowsMin)
        let collection = try LocalStore(root: root, options: options).openOrCreate(
            SchemaTestSupport.info(metric: metric)
        )
        var generator = SeededGenerator(seed: seed)
        let documents = (0..<count).map { SchemaTestSupport.document($0, using: &generator) }
        for start in stride(from: 0, to: count, by: 100) {
            try await collection.upsert(Array(documents[start..<min(count, start + 100)]))
        }
        try await collection.waitForMaintenance()
        return (collection, documents)
    }

    /// The oracle's ranking: every matching document, by exact distance under `metric`.
    static func oracle(
        _ documents: [Document],
        matching filter: MetadataFilter,
        query: [Float],
        metric: Metric,
        k: Int
    ) throws -> [String] {
        let schema = SchemaTestSupport.schema()
        let matching = documents.filter { SchemaTestSupport.oracleMatches(filter, $0, schema) }
        var index = FlatIndex(dimension: SchemaTestSupport.dimension, metric: metric)
        for document in matching { _ = try index.add(document.vectors["image"] ?? []) }
        guard !matching.isEmpty else { return [] }
        return try index.search(query, k: min(k, matching.count)).map { matching[Int($0.id)].id }
    }

    @Test(arguments: 0..<4)
    func filteredSearchReturnsExactlyMinOfKAndMatches(seed: Int) async throws {
        let root = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let exactRoot = root.appendingPathComponent("exact")
        let graphRoot = root.appendingPathComponent("graph")
        let (exact, documents) = try await Self.collection(
            exactRoot,
            graphRowsMin: .max,
            count: 700,
            seed: UInt64(seed)
        )
        let (graph, _) = try await Self.collection(graphRoot, graphRowsMin: 12, count: 700, seed: UInt64(seed))
        #expect(await exact.segments.allSatisfy { $0.source.graph == nil }, "graphRowsMin .max: no graph")
        #expect(await graph.segments.contains { $0.source.graph != nil })
        let schema = SchemaTestSupport.schema()
        var generator = SeededGenerator(seed: UInt64(seed) + 1_000)
        for _ in 0..<25 {
            let filter = SchemaTestSupport.randomFilter(depth: 2, using: &generator)
            let matching = Set(documents.filter { SchemaTestSupport.oracleMatches(filter, $0, schema) }.map(\.id))
            let query = (0..<SchemaTestSupport.dimension).map { _ in Float(Int(generator.next() % 2001) - 1000) / 1000 }
            for k in [1, 10, 100] {
                let request = SearchRequest(vector: query, k: k, filters: [filter])
                let exactHits = try await exact.search(request)
                let expected = try Self.oracle(documents, matching: filter, query: query, metric: .cosine, k: k)
                #expect(exactHits.map(\.id) == expected, "\(filter) k=\(k)")
                let graphHits = try await graph.search(request)
                #expect(graphHits.count == min(k, matching.count), "\(filter) k=\(k)")
                #expect(Set(graphHits.map(\.id)).isSubset(of: matching), "\(filter)")
            }
        }
    }

    @Test(arguments: [VectorMetric.dot, .l2])
    func otherMetricsEqualTheOracle(metric: VectorMetric) async throws {
        let root = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (collection, documents) = try await Self.collection(
            root,
            graphRowsMin: .max,
            metric: metric,
            count: 300,
            seed: 8
        )
        var generator = SeededGenerator(seed: 99)
        for _ in 0..<10 {
            let query = (0..<SchemaTestSupport.dimension).map { _ in Float(Int(generator.next() % 2001) - 1000) / 1000 }
            let filter = MetadataFilter.range(field: "price", lower: .init(.double(20)), upper: nil)
            let hits = try await collection.search(SearchRequest(vector: query, k: 10, filters: [filter]))
            let expected = try Self.oracle(
                documents,
                matching: filter,
                query: query,
                metric: metric == .l2 ? .l2 : .dot,
                k: 10
            )
            #expect(hits.map(\.id) == expected)
        }
    }

    @Test func parsingCoversEveryOperatorAndNamesProblems() throws {
        let schema = SchemaTestSupport.schema()
        #expect(
            try MetadataFilter(parsing: "price>=10.5", schema: schema)
                == .range(field: "price", lower: .init(.double(10.5)), upper: nil)
        )
        #expect(
            try MetadataFilter(parsing: "launched<2021-01-01", schema: schema)
                == .range(
                    field: "launched",
                    lower: nil,
                    upper: .init(.date(try #require(CalendarDate("2021-01-01"))), inclusive: false)
                )
        )
        #expect(
            try MetadataFilter(parsing: "brand=acme|globex", schema: schema)
                == .oneOf(field: "brand", [.string("acme"), .string("globex")])
        )
        #expect(try MetadataFilter(parsing: "sku^=sku-1", schema: schema) == .prefix(field: "sku", "sku-1"))
        #expect(try MetadataFilter(parsing: "stock!=0", schema: schema) == .not(.equals(field: "stock", .int64(0))))
        #expect(try MetadataFilter(parsing: "tags=sale", schema: schema) == .equals(field: "tags", .string("sale")))
        #expect(
            try MetadataFilter(parsing: "discontinued=true", schema: schema)
                == .equals(field: "discontinued", .bool(true))
        )
        #expect(
            try MetadataFilter(parsing: "year>=2022")
                == .range(field: "fiscal_year", lower: .init(.int64(2022)), upper: nil)
        )
        for (expression, violation) in [
            ("price>=abc", StoreError.Violation.wrongType), ("name>=x", .wrongType), ("stock^=1", .wrongType),
            ("colour=red", .unknownField),
        ] {
            do {
                _ = try MetadataFilter(parsing: expression, schema: schema)
                Issue.record("\(expression) parsed")
            } catch {
                #expect(error.violation == violation, "\(expression): \(error)")
                #expect(error.message.contains(expression))
            }
        }
        #expect(throws: StoreError.self) { try MetadataFilter(parsing: "price", schema: schema) }
    }

    @Test func filtersOfTheWrongTypeAreRefusedAtSearch() async throws {
        let root = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (collection, _) = try await Self.collection(root, graphRowsMin: .max, count: 10, seed: 1)
        let query = [Float](repeating: 1, count: SchemaTestSupport.dimension)
        for filter in [
            MetadataFilter.equals(field: "price", .string("cheap")),
            .range(field: "name", lower: .init(.string("a")), upper: nil),
            .prefix(field: "stock", "1"), .equals(field: "colour", .string("red")),
        ] {
            await #expect(throws: StoreError.self) {
                try await collection.search(SearchRequest(vector: query, k: 5, filters: [filter]))
            }
        }
    }
}
