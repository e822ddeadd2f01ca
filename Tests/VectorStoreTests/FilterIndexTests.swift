import Foundation
import HNSW
import Testing

@testable import VectorStore

/// Filter indexes (posting bitmaps, sorted indexes), their segment blocks, the `index` schema flag,
/// and what `SearchPlan` reports: index or scan per condition, the vector strategy and its work.
@Suite struct FilterIndexTests {
    static let schema = CollectionSchema(
        fields: [
            FieldDefinition(name: "form", type: .string, foldCase: true, index: true),
            FieldDefinition(name: "year", type: .int64, index: true),
            FieldDefinition(name: "note", type: .string),
        ],
        vectors: [VectorFieldDefinition(name: "v", dimension: 4)],
        textField: "note"
    )

    static func document(_ index: Int) -> Document {
        let angle = Float(index) * 0.37
        return Document(
            id: "d\(index)",
            fields: [
                "form": .string(index % 10 == 0 ? "10-K" : "8-K"),
                "year": .int64(2_000 + Int64(index % 25)),
                "note": .string(index % 2 == 0 ? "even alpha" : "odd beta"),
            ],
            vectors: ["v": [cos(angle), sin(angle), Float(index % 7) / 7, 1]]
        )
    }

    @Test func postingContainersSwitchFromArrayToBitmapWhenDense() {
        #expect(PostingContainer.make([1, 5, 9], count: 1_000) == .sparse([1, 5, 9]))
        let dense = PostingContainer.make(Array(0..<100), count: 1_000)
        guard case .dense(let bitmap) = dense else {
            Issue.record("expected a bitmap container")
            return
        }
        #expect(bitmap.cardinality == 100)
        var bytes: [UInt8] = []
        dense.encode(into: &bytes)
        var reader = ByteReader(bytes)
        #expect(PostingContainer.decode(&reader, count: 1_000) == dense)
    }

    @Test func indexesRoundTripThroughTheirEncoding() throws {
        let column: [FieldValue?] = [.string("A"), nil, .string("b"), .string("a"), .string("Ab")]
        let field = FieldDefinition(name: "f", type: .string, foldCase: true, index: true)
        let index = FieldIndex.build(column, field: field)
        let decoded = try #require(FieldIndex.decode(index.encode(), rowCount: column.count))
        guard case .postings(let postings) = decoded else {
            Issue.record("expected postings")
            return
        }
        #expect(postings.keys == ["a", "ab", "b"])
        #expect(postings.posting("a") == .dense(RowBitmap(count: 5, rows: [0, 3])))
        #expect(decoded.missing.cardinality == 1)
        let years: [FieldValue?] = [.int64(2_020), .int64(2_001), nil, .int64(2_020)]
        let sorted = FieldIndex.build(years, field: FieldDefinition(name: "y", type: .int64, index: true))
        guard case .integers(let integers)? = FieldIndex.decode(sorted.encode(), rowCount: 4) else {
            Issue.record("expected a sorted index")
            return
        }
        #expect(integers.keys == [2_001, 2_020, 2_020])
        #expect(integers.rows == [1, 0, 3])
        #expect(FieldIndex.decode(Array(sorted.encode().dropLast()), rowCount: 4) == nil)
    }

    @Test func fieldDefinitionsWithoutAnIndexKeyDecodeAsUnindexed() throws {
        let json = #"{"name":"cik","type":"int64","required":true,"foldCase":false}"#
        let field = try JSONDecoder().decode(FieldDefinition.self, from: Data(json.utf8))
        #expect(!field.index)
        var indexed = field
        indexed.index = true
        let again = try JSONDecoder().decode(FieldDefinition.self, from: JSONEncoder().encode(indexed))
        #expect(again.index)
        // Turning an index on is an evolution of the schema, not another schema.
        let old = CollectionSchema(fields: [field], vectors: [VectorFieldDefinition(name: "v", dimension: 2)])
        let new = CollectionSchema(fields: [indexed], vectors: [VectorFieldDefinition(name: "v", dimension: 2)])
        #expect(new.extends(old) && old.extends(new))
    }

    @Test func explainReportsIndexAndScanPerConditionAndSource() async throws {
        let store = LocalStore(root: StoreTestSupport.temporaryDirectory(), options: StoreOptions(graphRowsMin: 50))
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(CollectionInfo(name: "e", embeddingModel: "m", schema: Self.schema))
        try await collection.upsert((0..<200).map(Self.document))
        try await collection.commit()
        try await collection.upsert((200..<210).map(Self.document))
        var request = SearchRequest(
            vector: [1, 0, 0, 1],
            k: 5,
            filters: [.equals(field: "form", .string("10-k")), .prefix(field: "note", "even")]
        )
        let explained = try await collection.searchExplained(request)
        #expect(explained.hits.count == 5)
        #expect(explained.plan.sources.map(\.kind) == ["segment", "memtable"])
        for source in explained.plan.sources {
            #expect(source.conditions.map(\.access) == [.index, .scan])
            #expect(source.vectorStrategy == .exact)
        }
        #expect(explained.plan.sources[0].matchingRows == 20)
        #expect(explained.plan.sources[0].rowsScored == 20)
        #expect(explained.plan.description.contains("note^=even: scan"))

        // Unfiltered: the segment is searched through its graph, scoring only the nodes visited.
        request.filters = []
        request.strategy = .graph
        let unfiltered = try await collection.searchExplained(request)
        #expect(unfiltered.plan.sources[0].vectorStrategy == .graph)
        #expect(unfiltered.plan.sources[0].rowsScored == 0)
        #expect(unfiltered.plan.sources[0].graphNodesVisited > 0)
        #expect(unfiltered.plan.sources[1].rowsScored == 10)
    }

    @Test func anIndexTurnedOnLaterIsBuiltInTheBackgroundAndScansMeanwhile() async throws {
        let store = LocalStore(root: StoreTestSupport.temporaryDirectory())
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(CollectionInfo(name: "b", embeddingModel: "m", schema: Self.schema))
        try await collection.upsert((0..<100).map(Self.document))
        try await collection.commit()
        let request = SearchRequest(vector: [1, 0, 0, 1], k: 3, filters: [.equals(field: "note", .string("odd beta"))])
        let unindexed = try await collection.searchExplained(request)
        #expect(unindexed.plan.sources[0].conditions.map(\.access) == [.scan])
        try await collection.setIndexed("note", true)
        try await collection.waitForMaintenance()
        let built = try await collection.searchExplained(request)
        #expect(built.plan.sources[0].conditions.map(\.access) == [.index])
        #expect(built.hits.map(\.id) == unindexed.hits.map(\.id))
        #expect(built.plan.matchingRows == 50)

        // Another open (read-only beside the writer) scans the old segment until its maintenance
        // has built the index in its own memory.
        let reader = try store.open(collection: "b")
        let scanned = try await reader.searchExplained(request)
        #expect(scanned.plan.sources[0].conditions.map(\.access) == [.scan])
        await reader.startMaintenance()
        try await reader.waitForMaintenance()
        let indexed = try await reader.searchExplained(request)
        #expect(indexed.plan.sources[0].conditions.map(\.access) == [.index])
        #expect(indexed.hits.map(\.id) == unindexed.hits.map(\.id))
    }
}
