import Foundation
import SECDocuments
import Testing

@testable import VectorStore

/// Adding a field rewrites nothing: rows in segments and in the WAL written before read the
/// default (or miss the field), new rows carry it, filters on it work, across reopen and compaction.
@Suite struct SchemaEvolutionTests {
    static func documents(_ range: Range<Int>, seed: UInt64) -> [Document] {
        var generator = SeededGenerator(seed: seed)
        return range.map { SchemaTestSupport.document($0, using: &generator) }
    }

    @Test func addedFieldsReadDefaultsForOldRowsAndFilterNewOnes() async throws {
        let root = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = LocalStore(root: root, options: StoreOptions(compactionFanIn: 2))
        // The writer is released before the reopen, so the reopen is the writer again.
        let newIDs = try await Self.writeAndEvolve(store, root: root)
        let reopened = try store.open(collection: "products")
        #expect(!reopened.isReadOnly)
        #expect(await reopened.info.schema.fields.map(\.name).suffix(2) == ["rating", "colour"])
        try await Self.check(reopened, newIDs: newIDs)
        try await reopened.flush()
        try await reopened.upsert(Self.documents(50..<52, seed: 4))
        try await reopened.flush()
        try await reopened.compactIfNeeded()
        #expect(await reopened.segments.count < 3, "compaction merged segments written before and after the evolution")
        try await Self.check(reopened, newIDs: newIDs)
        try await Self.check(try store.open(collection: "products"), newIDs: newIDs)
    }

    /// Writes rows to a segment and the WAL, adds two fields, writes rows carrying them.
    static func writeAndEvolve(_ store: LocalStore, root: URL) async throws -> Set<String> {
        let collection = try store.openOrCreate(SchemaTestSupport.info())
        try await collection.upsert(Self.documents(0..<20, seed: 1))
        try await collection.flush()
        try await collection.upsert(Self.documents(20..<40, seed: 2))
        let segmentFiles = try FileManager.default.contentsOfDirectory(atPath: root.path + "/collections/products")
            .filter { $0.hasSuffix(".vseg") }
        #expect(segmentFiles.count == 1)
        let segmentBytes = try Data(contentsOf: root.appendingPathComponent("collections/products/" + segmentFiles[0]))

        try await collection.addField(FieldDefinition(name: "rating", type: .int64, defaultValue: .int64(3)))
        try await collection.addField(FieldDefinition(name: "colour", type: .string, foldCase: true))
        await #expect(throws: StoreError.self) {
            try await collection.addField(FieldDefinition(name: "weight", type: .double, required: true))
        }
        await #expect(throws: StoreError.self) {
            try await collection.addField(FieldDefinition(name: "price", type: .double))
        }
        // Nothing was rewritten.
        #expect(
            try Data(contentsOf: root.appendingPathComponent("collections/products/" + segmentFiles[0])) == segmentBytes
        )

        var newer = Self.documents(40..<50, seed: 3)
        for index in newer.indices {
            newer[index].fields["rating"] = .int64(5)
            newer[index].fields["colour"] = .string("Red")
        }
        try await collection.upsert(newer)
        try await Self.check(collection, newIDs: Set(newer.map(\.id)))
        return Set(newer.map(\.id))
    }

    static func check(_ collection: LocalCollection, newIDs: Set<String>) async throws {
        let documents = await collection.documents()
        #expect(documents.count >= 50)
        for document in documents {
            if newIDs.contains(document.id) {
                #expect(document.fields["rating"] == .int64(5))
                #expect(document.fields["colour"] == .string("Red"))
            } else {
                #expect(document.fields["rating"] == .int64(3))
                #expect(document.fields["colour"] == nil)
            }
        }
        let query = [Float](repeating: 1, count: SchemaTestSupport.dimension)
        let rated = try await collection.search(
            SearchRequest(
                vector: query,
                k: 100,
                filters: [try MetadataFilter(parsing: "rating>=4", schema: await collection.info.schema)]
            )
        )
        #expect(Set(rated.map(\.id)) == newIDs)
        let red = try await collection.search(
            SearchRequest(vector: query, k: 100, filters: [.equals(field: "colour", .string("RED"))])
        )
        #expect(Set(red.map(\.id)) == newIDs)
        let defaulted = try await collection.search(
            SearchRequest(vector: query, k: 100, filters: [.equals(field: "rating", .int64(3))])
        )
        #expect(defaulted.count == documents.count - newIDs.count)
    }

    @Test func openOrCreateEvolvesToAnAppendedSchema() async throws {
        let root = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = LocalStore(root: root)
        do {
            let first = try store.openOrCreate(SchemaTestSupport.info())
            try await first.upsert(Self.documents(0..<3, seed: 9))
        }
        var extended = SchemaTestSupport.info()
        extended.schema.fields.append(FieldDefinition(name: "rating", type: .int64, defaultValue: .int64(1)))
        let second = try store.openOrCreate(extended)
        #expect(!second.isReadOnly)
        #expect(await second.info.schema == extended.schema)
        #expect(await second.documents().allSatisfy { $0.fields["rating"] == .int64(1) })
        // The older schema still opens the evolved collection (the stored one extends it).
        #expect(await (try store.openOrCreate(SchemaTestSupport.info())).info.schema == extended.schema)
    }

    @Test func anotherOpenSeesTheWritersEvolvedSchemaAndRows() async throws {
        let root = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = LocalStore(root: root)
        let writer = try store.openOrCreate(SchemaTestSupport.info())
        try await writer.upsert(Self.documents(0..<3, seed: 5))
        try await writer.addField(FieldDefinition(name: "rating", type: .int64, defaultValue: .int64(1)))
        var rated = Self.documents(3..<4, seed: 6)
        rated[0].fields["rating"] = .int64(9)
        try await writer.upsert(rated)
        let reader = try store.open(collection: "products")
        #expect(await reader.info.schema.fields.last?.name == "rating")
        let ratings = await reader.documents().map { $0.fields["rating"] }
        #expect(
            ratings.sorted { ($0?.int64Value ?? 0) < ($1?.int64Value ?? 0) } == [
                .int64(1), .int64(1), .int64(1), .int64(9),
            ]
        )
    }
}
