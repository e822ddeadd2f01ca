import Foundation
import Parquet
import SECDocuments
import Testing

@testable import VectorStore

/// Documents → Parquet → documents: the store's live documents (defaults filled in, vectors
/// normalised) come back equal through our writer and reader, with and without vector columns;
/// a file that does not fit the schema is corruption naming the file.
@Suite struct DocumentParquetCodecTests {
    static func storedDocuments(_ count: Int, seed: UInt64) async throws -> [Document] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("parquet-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let engine = StoreEngine(root: root)
        let collection = try await engine.openOrCreate(SchemaTestSupport.info())
        var generator = SeededGenerator(seed: seed)
        try await collection.upsert((0..<count).map { SchemaTestSupport.document($0, using: &generator) })
        let documents = try await engine.snapshot(of: "products").documents()
        await engine.shutdown()
        return documents
    }

    static func file(_ documents: [Document], vectors: Bool, groupSize: Int) throws -> [UInt8] {
        let schema = SchemaTestSupport.schema()
        var groups: [[ParquetColumnValues]] = []
        for start in stride(from: 0, to: documents.count, by: groupSize) {
            let group = documents[start..<min(start + groupSize, documents.count)]
            groups.append(try DocumentParquetCodec.columns(group, schema: schema, includingVectors: vectors))
        }
        return try ParquetWriter.file(
            schema: DocumentParquetCodec.parquetSchema(schema, includingVectors: vectors),
            rowGroups: groups
        )
    }

    @Test func storedDocumentsRoundTripWithVectors() async throws {
        let documents = try await Self.storedDocuments(300, seed: 41)
        let reader = try ParquetReader(bytes: try Self.file(documents, vectors: true, groupSize: 128))
        #expect(reader.rowGroupCount == 3)
        let read = try DocumentParquetCodec.documents(from: reader, schema: SchemaTestSupport.schema(), file: "x")
        #expect(read == documents)
        // Defaults were filled in by the store before export: every row has a stock.
        #expect(read.allSatisfy { $0.fields["stock"] != nil })
    }

    @Test func withoutVectorColumnsTheFieldsStillRoundTrip() async throws {
        let documents = try await Self.storedDocuments(50, seed: 42)
        let reader = try ParquetReader(bytes: try Self.file(documents, vectors: false, groupSize: 1_000))
        #expect(reader.schema.columns.map(\.name) == ["sku"] + SchemaTestSupport.schema().fields.map(\.name))
        let read = try DocumentParquetCodec.documents(from: reader, schema: SchemaTestSupport.schema(), file: "x")
        #expect(read.map(\.id) == documents.map(\.id))
        #expect(read.map(\.fields) == documents.map(\.fields))
        #expect(read.allSatisfy { $0.vectors.isEmpty })
    }

    @Test func theSECSchemaMapsEveryFieldToItsKind() {
        let schema = CollectionSchema.secFilings(dimension: 8)
        let columns = DocumentParquetCodec.parquetSchema(schema, includingVectors: true).columns
        #expect(columns.count == schema.fields.count + 2)
        #expect(columns.first == ParquetColumn(name: "id", kind: .string, isRequired: true))
        #expect(columns.last == ParquetColumn(name: "embedding", kind: .floatList, isRequired: true))
        let byName = Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0) })
        #expect(byName["tickers"]?.kind == .stringList && byName["tickers"]?.isRequired == false)
        #expect(byName["filing_date"]?.kind == .date && byName["filing_date"]?.isRequired == true)
        #expect(byName["report_date"]?.kind == .date && byName["report_date"]?.isRequired == false)
        #expect(byName["cik"]?.kind == .int64 && byName["text"]?.kind == .string)
    }

    @Test func aFileThatDoesNotFitTheSchemaIsCorruption() async throws {
        let documents = try await Self.storedDocuments(5, seed: 43)
        let reader = try ParquetReader(bytes: try Self.file(documents, vectors: false, groupSize: 10))
        var other = SchemaTestSupport.schema()
        other.fields[2].type = .int64  // price is a double in the file
        let wrongKind = #expect(throws: StoreError.self) {
            try DocumentParquetCodec.documents(from: reader, schema: other, file: "products.parquet")
        }
        #expect(wrongKind?.code == .corruption && wrongKind?.file == "products.parquet")
        let missing = try SchemaTestSupport.schema().adding(FieldDefinition(name: "colour", type: .string))
        let absent = #expect(throws: StoreError.self) {
            try DocumentParquetCodec.documents(from: reader, schema: missing, file: "products.parquet")
        }
        #expect(absent?.message.contains("colour") == true)
    }

    @Test func aDateOutsideINT32DaysIsBadInputNamingTheDocument() {
        let far = CalendarDate(daysSince1970: Int64(Int32.max) + 1)
        let document = Document(
            id: "sku-far",
            fields: ["name": .string("x"), "price": .double(1), "launched": .date(far)]
        )
        let error = #expect(throws: StoreError.self) {
            try DocumentParquetCodec.columns([document], schema: SchemaTestSupport.schema(), includingVectors: false)
        }
        #expect(error?.code == .badInput && error?.documentID == "sku-far" && error?.field == "launched")
    }
}
