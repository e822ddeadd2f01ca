import Foundation
import HNSW
import Testing

@testable import VectorStore

/// Storage is schema-generic: seeded round trips of WAL records and segments for a schema with
/// every field type and two vector fields of different metrics, and search on the second vector
/// field against the `FlatIndex` oracle across memtable, segments and reopen.
@Suite struct GenericStorageTests {
    static let thumbDimension = 3

    static var schema: CollectionSchema {
        var schema = SchemaTestSupport.schema()
        schema.vectors.append(VectorFieldDefinition(name: "thumb", dimension: thumbDimension, metric: .l2))
        return schema
    }

    static func documents(_ count: Int, seed: UInt64) -> [Document] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { index in
            var document = SchemaTestSupport.document(index, using: &generator)
            document.vectors["thumb"] = (0..<thumbDimension).map { _ in Float(Int(generator.next() % 201) - 100) / 10 }
            if index % 7 == 0 { document.expiresAt = Date(timeIntervalSince1970: 4_000_000_000.123) }
            return document
        }
    }

    @Test(arguments: 0..<5)
    func walAndSegmentRoundTripEveryFieldType(seed: Int) throws {
        let rows = try Self.documents(1 + seed * 9, seed: UInt64(seed)).map { try Self.schema.row(for: $0) }
        let record = WALRecord.upsert(firstSequence: 10, writtenAtMs: 1_700_000_000_000, records: rows)
        let bytes = WALRecord.fileHeader() + (try record.encode())
        #expect(try WALReader.scan(bytes, file: "wal", isNewest: true).records == [record])

        let directory = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("seg-000001.vseg").path
        let contents = SegmentWriter.Contents(
            rows: rows.enumerated().map {
                StoredRow(sequence: UInt64($0.offset + 1), record: $0.element, writtenAtMs: 5)
            },
            tombstones: [(sequence: 100, id: "gone")]
        )
        for codec in StoreOptions.Codec.allCases {
            try Data(try SegmentWriter.encode(contents, schema: Self.schema, codec: codec)).write(
                to: URL(fileURLWithPath: path)
            )
            let segment = try SegmentReader(path: path, fileNumber: 1, schema: Self.schema)
            #expect((0..<rows.count).map(segment.source.row) == rows)
            // A reader whose schema gained a field reads the segment too; the field is missing.
            var evolved = Self.schema
            evolved.fields.append(FieldDefinition(name: "rating", type: .int64, defaultValue: .int64(3)))
            let later = try SegmentReader(path: path, fileNumber: 1, schema: evolved)
            #expect(later.source.row(0) == rows[0])
            #expect(rows[0].document(evolved).fields["rating"] == .int64(3))
            // A reader whose schema lacks a field the segment has refuses it as corruption.
            var shrunk = Self.schema
            shrunk.fields.removeLast()
            #expect(throws: StoreError.self) { try SegmentReader(path: path, fileNumber: 1, schema: shrunk) }
        }
    }

    @Test func searchesTheSecondVectorFieldLikeTheOracle() async throws {
        let root = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = LocalStore(root: root, options: StoreOptions(memtableBytesMax: 32 * 1024))
        let documents = Self.documents(300, seed: 42)
        do {
            let collection = try store.openOrCreate(CollectionInfo(name: "p", embeddingModel: "m", schema: Self.schema))
            for start in stride(from: 0, to: documents.count, by: 50) {
                try await collection.upsert(Array(documents[start..<(start + 50)]))
            }
            #expect(await !collection.segments.isEmpty)
            try await Self.check(collection, documents)
            // One writing instance per directory: the reopen below waits for this one's compactions.
            await collection.close()
        }
        try await Self.check(try store.open(collection: "p"), documents)
    }

    static func check(_ collection: LocalCollection, _ documents: [Document]) async throws {
        var oracle = FlatIndex(dimension: thumbDimension, metric: .l2)
        for document in documents { _ = try oracle.add(document.vectors["thumb"] ?? []) }
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<10 {
            let query = (0..<thumbDimension).map { _ in Float(Int(generator.next() % 201) - 100) / 10 }
            let hits = try await collection.search(
                SearchRequest(vector: query, text: nil, k: 10, mode: .vector, vectorField: "thumb")
            )
            let expected = try oracle.search(query, k: 10).map { documents[Int($0.id)].id }
            #expect(hits.map(\.id) == expected)
        }
        let stored = await collection.documents()
        #expect(
            Dictionary(uniqueKeysWithValues: stored.map { ($0.id, $0.vectors["thumb"] ?? []) })
                == Dictionary(uniqueKeysWithValues: documents.map { ($0.id, $0.vectors["thumb"] ?? []) })
        )
        await #expect(throws: StoreError.self) {
            try await collection.search(SearchRequest(vector: [1], text: nil, k: 1, mode: .vector, vectorField: "nope"))
        }
    }
}
