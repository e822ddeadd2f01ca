import Foundation
import SECDocuments
import Testing

@testable import VectorStore

/// Writes are validated against the schema: each kind of bad input is a typed error naming the
/// document and the field, and a batch with any invalid document leaves the store unchanged.
@Suite struct SchemaValidationTests {
    static func valid(_ index: Int) -> Document {
        var generator = SeededGenerator(seed: UInt64(index))
        return SchemaTestSupport.document(index, using: &generator)
    }

    static func expectViolation(
        _ violation: StoreError.Violation,
        field: String?,
        in document: Document,
        _ collection: LocalCollection
    ) async {
        do {
            try await collection.upsert([Self.valid(900), document])
            Issue.record("\(violation) not detected")
        } catch {
            #expect(error.code == .badInput)
            #expect(error.violation == violation, "\(error)")
            #expect(error.documentID == document.id)
            #expect(error.field == field)
            #expect(error.message.contains("document '\(document.id)'"))
        }
    }

    @Test func everyViolationNamesTheDocumentAndFieldAndChangesNothing() async throws {
        let root = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let collection = try LocalStore(root: root).openOrCreate(SchemaTestSupport.info())
        try await collection.upsert((0..<5).map(Self.valid))
        let before = await collection.documents()
        let walPath = root.appendingPathComponent("collections/products/wal-000001.log").path
        let walBytes = FileManager.default.contents(atPath: walPath)

        var unknown = Self.valid(10)
        unknown.fields["colour"] = .string("red")
        await Self.expectViolation(.unknownField, field: "colour", in: unknown, collection)
        var wrongType = Self.valid(11)
        wrongType.fields["stock"] = .string("many")
        await Self.expectViolation(.wrongType, field: "stock", in: wrongType, collection)
        var missing = Self.valid(12)
        missing.fields["price"] = nil
        await Self.expectViolation(.missingField, field: "price", in: missing, collection)
        var noVector = Self.valid(13)
        noVector.vectors = [:]
        await Self.expectViolation(.missingField, field: "image", in: noVector, collection)
        var short = Self.valid(14)
        short.vectors["image"] = [1, 2]
        await Self.expectViolation(.wrongDimension, field: "image", in: short, collection)
        var nan = Self.valid(15)
        nan.vectors["image"]?[3] = .nan
        await Self.expectViolation(.nonFinite, field: "image", in: nan, collection)
        var infinite = Self.valid(16)
        infinite.fields["price"] = .double(.infinity)
        await Self.expectViolation(.nonFinite, field: "price", in: infinite, collection)
        var unknownVector = Self.valid(17)
        unknownVector.vectors["thumbnail"] = [1]
        await Self.expectViolation(.unknownField, field: "thumbnail", in: unknownVector, collection)
        await Self.expectViolation(
            .badKey,
            field: "sku",
            in: Document(id: "", vectors: ["image": [1, 1, 1, 1, 1, 1]]),
            collection
        )

        #expect(await collection.documents() == before)
        #expect(FileManager.default.contents(atPath: walPath) == walBytes)
        #expect(await collection.count == 5)
    }

    @Test func oversizedBatchIsRefusedWhole() async throws {
        let root = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let collection = try LocalStore(root: root, options: StoreOptions(batchRecordsMax: 3))
            .openOrCreate(SchemaTestSupport.info())
        do {
            try await collection.upsert((0..<4).map(Self.valid))
            Issue.record("oversized batch accepted")
        } catch {
            #expect(error.violation == .oversizedBatch)
        }
        #expect(await collection.count == 0)
    }

    @Test func schemasAreCheckedAndPersisted() async throws {
        var duplicate = SchemaTestSupport.schema()
        duplicate.fields.append(FieldDefinition(name: "price", type: .int64))
        #expect(throws: StoreError.self) { try duplicate.validate() }
        var badText = SchemaTestSupport.schema()
        badText.textField = "price"
        #expect(throws: StoreError.self) { try badText.validate() }
        var badDefault = SchemaTestSupport.schema()
        badDefault.fields.append(FieldDefinition(name: "rating", type: .int64, defaultValue: .string("x")))
        #expect(throws: StoreError.self) { try badDefault.validate() }
        var badName = SchemaTestSupport.schema()
        badName.fields.append(FieldDefinition(name: "Rating", type: .int64))
        #expect(throws: StoreError.self) { try badName.validate() }
        var noVectors = SchemaTestSupport.schema()
        noVectors.vectors = []
        #expect(throws: StoreError.self) { try noVectors.validate() }
        try SchemaTestSupport.schema().validate()
        try CollectionSchema.secFilings(dimension: 384).validate()

        let root = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = LocalStore(root: root)
        _ = try store.openOrCreate(SchemaTestSupport.info())
        #expect(try await store.open(collection: "products").info.schema == SchemaTestSupport.schema())
        // Another (not appended-only) schema for the same collection is refused.
        var other = SchemaTestSupport.info()
        other.schema.fields[2].type = .int64
        #expect(throws: StoreError.self) { try store.openOrCreate(other) }
    }

    @Test func olderFormatVersionsAreRefusedWithAMessageToRerun() throws {
        let root = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let directory = root.appendingPathComponent("collections/old")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let json = #"{"formatVersion": 2, "name": "old", "embeddingModel": "m", "dimension": 4}"#
        try Data(json.utf8).write(to: directory.appendingPathComponent("collection.json"))
        do {
            _ = try LocalStore(root: root).open(collection: "old")
            Issue.record("version 2 opened")
        } catch {
            #expect(error.code == .corruption)
            #expect(error.message.contains("re-run the pipeline"))
        }
    }

    @Test func secChunkRecordsRoundTripThroughDocuments() throws {
        var generator = SeededGenerator(seed: 4)
        let record = try StoreTestSupport.randomRecord(id: "c1", dimension: 8, using: &generator)
        let document = record.document
        #expect(document.fields["cik"] == .int64(Int64(record.chunk.citation.cik.value)))
        #expect(document.fields["content_hash"] == .string(record.chunk.contentHash))
        #expect(record.chunk.contentHash.count == 64)
        #expect(ChunkRecord(document) == record)
        var measured = record
        measured.chunk.tokenCount = 123
        #expect(measured.document.fields["token_count"] == .int64(123))
        #expect(ChunkRecord(measured.document) == measured)
        let row = try CollectionSchema.secFilings(dimension: 8).row(for: document)
        #expect(row.document(.secFilings(dimension: 8)) == document)
    }

    @Test func calendarDatesRoundTrip() {
        for days in stride(from: Int64(-800_000), to: 800_000, by: 997) {
            let date = CalendarDate(daysSince1970: days)
            let (year, month, day) = date.components
            #expect(CalendarDate(year: year, month: month, day: day) == date)
            #expect(CalendarDate(date.description) == date || year < 0)
        }
        #expect(CalendarDate("1970-01-01")?.daysSince1970 == 0)
        #expect(CalendarDate("2024-02-29")?.description == "2024-02-29")
        #expect(CalendarDate("2023-02-29") == nil)
        #expect(CalendarDate("2024-13-01") == nil)
    }
}
