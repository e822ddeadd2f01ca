import Foundation
import Parquet
import Pipeline
import Testing
import VectorStore

/// `vectordb export parquet` as the library does it: a collection's live documents in row groups
/// of the asked size, read back equal; a bad row-group size is refused before any file is made.
@Suite struct ParquetExportTests {
    static func collection(in root: URL, count: Int) async throws -> StoreEngine {
        let engine = StoreEngine(root: root)
        let collection = try await engine.openOrCreate(
            CollectionInfo(name: "products", embeddingModel: "test", schema: ImportExportTests.schema)
        )
        let documents = (0..<count).map { index in
            Document(
                id: "sku-\(index)",
                fields: [
                    "name": .string("product \(index)"),
                    "price": .double(Double(index) + 0.5),
                    "tags": .stringArray(index % 4 == 0 ? [] : ["t\(index % 3)"]),
                    "launched": .date(CalendarDate(daysSince1970: 19_000 + Int64(index))),
                ],
                vectors: ["image": ImportExportTests.vector(index)]
            )
        }
        try await collection.upsert(documents)
        try await collection.delete(["sku-3"])
        return engine
    }

    @Test func liveDocumentsAreExportedInBoundedRowGroups() async throws {
        let root = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let engine = try await Self.collection(in: root, count: 45)
        let snapshot = try await engine.snapshot(of: "products")
        let path = root.appendingPathComponent("products.parquet").path
        let options = ParquetExporter.Options(rowGroupRowCountMax: 20, includingVectors: true)
        #expect(try ParquetExporter.export(snapshot, to: path, options: options) == 44)
        let reader = try ParquetReader(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(reader.metadata.rowGroups.map(\.numRows) == [20, 20, 4])
        let read = try DocumentParquetCodec.documents(from: reader, schema: ImportExportTests.schema, file: path)
        #expect(read == snapshot.documents())
        #expect(!read.contains { $0.id == "sku-3" })
        await engine.shutdown()
    }

    @Test func aRowGroupSizeOutOfRangeIsBadInputAndWritesNothing() async throws {
        let root = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let engine = try await Self.collection(in: root, count: 3)
        let path = root.appendingPathComponent("none.parquet").path
        let snapshot = try await engine.snapshot(of: "products")
        let error = #expect(throws: ImportError.self) {
            try ParquetExporter.export(
                snapshot,
                to: path,
                options: ParquetExporter.Options(rowGroupRowCountMax: 0)
            )
        }
        #expect(error?.category == .badInput)
        #expect(!FileManager.default.fileExists(atPath: path))
        await engine.shutdown()
    }
}
