import Foundation
import Testing

@testable import VectorStore

/// What reading a segment costs, through its counters (never timings): opening reads no data
/// block, a search hit decodes only the chunks holding its row, a damaged block is reported when it
/// is first read, with the file and offset.
@Suite struct SegmentAccessTests {
    static let schema = SchemaTestSupport.schema()

    static func documents(_ count: Int, seed: UInt64) -> [Document] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { SchemaTestSupport.document($0, using: &generator) }
    }

    /// A segment of `count` rows written to `path`, and its rows.
    static func writeSegment(_ count: Int, to path: String) throws -> [StoredRow] {
        let rows = try schema.rows(for: documents(count, seed: 3), batchRecordsMax: count).enumerated().map {
            StoredRow(sequence: UInt64($0.offset + 1), record: $0.element, writtenAtMs: 1_000)
        }
        let bytes = try SegmentWriter.encode(
            SegmentWriter.Contents(rows: rows, tombstones: [(sequence: UInt64(count + 1), id: "gone")]),
            schema: schema,
            codec: .lz4
        )
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return rows
    }

    /// Writers chose up to 4096 rows per chunk before chunks aimed at 4 KiB: such tables still
    /// decode, and each row reads back from its chunk.
    @Test(arguments: [16, 1_024, 4_096])
    func chunkTablesOfEveryWriterSizeDecode(rowsPerChunk: Int) throws {
        let rows = (0..<5_000).map { "id-\($0)" }
        var bytes: [UInt8] = []
        var ends: [Int] = []
        for id in rows {
            bytes.appendShortString(id)
            ends.append(bytes.count)
        }
        let encoded = try RowChunks.encode(bytes, rowEnds: ends, typeTag: 0, codec: .lz4, rowsPerChunk: rowsPerChunk)
        let table = try #require(
            encoded.stored.withUnsafeBytes { RowChunks.decode($0, rowCount: rows.count) }
        )
        #expect(table.chunkRows == rowsPerChunk)
        #expect(table.chunks.count == (rows.count + rowsPerChunk - 1) / rowsPerChunk)
    }

    @Test func openReadsNothingAndAHitDecodesOnlyItsChunks() throws {
        let directory = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("seg-000001.vseg").path
        let rows = try Self.writeSegment(3_000, to: path)
        let segment = try SegmentReader(path: path, fileNumber: 1, schema: Self.schema)
        #expect(segment.counters.verified.isEmpty && segment.counters.decoded.isEmpty)
        #expect(segment.counters.chunksDecoded.load(ordering: .relaxed) == 0)

        for row in [0, 1_234, 2_999] {
            #expect(segment.source.row(row) == rows[row].record)
            let hit = segment.source.hitDocument(row, schema: Self.schema)
            #expect(hit.id == rows[row].record.id)
        }
        // Hits read the id chunk and one chunk per column, and their times in place (the times
        // block is verified, never decoded into arrays).
        let columns = Set((0..<Self.schema.fields.count).map(SegmentFormat.columnKind))
        #expect(segment.counters.decoded.isDisjoint(with: columns))
        #expect(!segment.counters.decoded.contains(SegmentFormat.BlockKind.times.rawValue))
        #expect(segment.counters.verified.contains(SegmentFormat.BlockKind.times.rawValue))
        #expect(!segment.counters.decoded.contains(SegmentFormat.BlockKind.ids.rawValue))
        #expect(segment.counters.chunksDecoded.load(ordering: .relaxed) >= 3 * (columns.count + 1))

        // A filter scan of one field decodes that column, once.
        #expect(segment.source.value(2_000, 2) == rows[2_000].record.values[2])
        #expect(segment.counters.decoded.intersection(columns) == [SegmentFormat.columnKind(2)])
        try segment.verify()
        #expect(try segment.tombstones().map(\.id) == ["gone"])
    }

    @Test(arguments: [
        SegmentFormat.columnKind(0), SegmentFormat.BlockKind.lexicalTerms.rawValue,
        SegmentFormat.BlockKind.lexicalPostings.rawValue,
    ])
    func aDamagedBlockIsReportedWhereItIsRead(kind: UInt32) throws {
        let directory = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("seg-000001.vseg").path
        _ = try Self.writeSegment(500, to: path)
        let entry = try #require(
            try SegmentReader(path: path, fileNumber: 1, schema: Self.schema).rows.blocks.entries[kind]
        )
        let position = entry.offsetBytes + entry.storedBytes / 2
        try StoreTestSupport.flipByte(at: position, in: path)

        let segment = try SegmentReader(path: path, fileNumber: 1, schema: Self.schema)
        #expect(segment.source.failure == nil)
        // The search path cannot throw: the block reads as empty and the failure is kept.
        if SegmentFormat.lexicalKinds.contains(kind) {
            // Every term's list: the dictionary fails on first use, a posting list when it is read.
            segment.rows.reading(
                { () throws(StoreError) in try segment.rows.lexical().forEachTerm { _, _ in } },
                else: ()
            )
        } else {
            #expect(segment.source.value(10, 0) == nil)
        }
        let failure = try #require(segment.source.failure)
        #expect(failure.code == .corruption && failure.file == path)
        #expect((failure.offsetBytes ?? .max) <= position && (failure.offsetBytes ?? 0) >= entry.offsetBytes)
        #expect(throws: StoreError.self) { try segment.verify() }
    }

    /// A collection of several segments with overwrites and deletes, committed and closed.
    static func populated(_ store: LocalStore) async throws -> [Document] {
        let collection = try store.openOrCreate(SchemaTestSupport.info())
        let documents = Self.documents(300, seed: 9)
        for start in stride(from: 0, to: documents.count, by: 50) {
            try await collection.upsert(Array(documents[start..<(start + 50)]))
        }
        // Overwrites and deletes across segments: deletion vectors to persist.
        try await collection.upsert(Array(documents[0..<20]))
        try await collection.delete(documents[20..<30].map(\.id))
        try await collection.commit()
        await collection.close()
        return documents
    }

    @Test func openingACollectionReadsNoDataBlockAndASnapshotTouchesNoUnchangedSegment() async throws {
        let root = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = LocalStore(root: root, options: StoreOptions(memtableBytesMax: 8 * 1024, compactionFanIn: 1_000))
        let documents = try await Self.populated(store)
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path + "/collections/products")
        #expect(names.contains { StoreFileName.isDeletions($0) })

        let reopened = try store.open(collection: "products")
        let segments = await reopened.segments
        #expect(segments.count >= 3)
        // Liveness comes from the deletion vectors: no block of any segment is read.
        for segment in segments {
            #expect(segment.counters.decoded.isEmpty && segment.counters.verified.isEmpty)
            #expect(segment.counters.chunksDecoded.load(ordering: .relaxed) == 0)
        }
        let first = await reopened.snapshot()
        #expect(first.liveCount == documents.count - 10)
        #expect(first.rowsScanned == 0)
        for segment in segments { #expect(segment.counters.decoded.isEmpty) }

        // One write probes the primary-key blocks; the snapshot after it reads nothing more.
        try await reopened.upsert([documents[100]])
        let before = segments.map { ($0.counters.decoded, $0.counters.verified) }
        let chunksBefore = segments.map { $0.counters.chunksDecoded.load(ordering: .relaxed) }
        let second = await reopened.snapshot()
        #expect(second.liveCount == documents.count - 10)
        #expect(second.rowsScanned == 0)
        for (index, segment) in segments.enumerated() {
            #expect(segment.counters.decoded == before[index].0 && segment.counters.verified == before[index].1)
            #expect(segment.counters.chunksDecoded.load(ordering: .relaxed) == chunksBefore[index])
            #expect(!segment.counters.decoded.contains(SegmentFormat.BlockKind.ids.rawValue))
        }
        // The overwritten row is no longer live in its segment; the snapshots share the others' bitmaps.
        let hits = try await reopened.search(SearchRequest(vector: documents[7].vectors["image"] ?? [], k: 3))
        #expect(hits.first?.id == documents[7].id)
        let columns = Set((0..<Self.schema.fields.count).map(SegmentFormat.columnKind))
        for segment in segments { #expect(segment.counters.decoded.isDisjoint(with: columns)) }
        #expect(Set(await reopened.documents().map(\.id)).count == documents.count - 10)
        await reopened.close()
    }

    @Test func aRetainedVersionKeepsItsOwnDeletions() async throws {
        let root = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = LocalStore(root: root, options: StoreOptions(memtableBytesMax: 8 * 1024, compactionFanIn: 1_000))
        let documents = try await Self.populated(store)
        let collection = try store.open(collection: "products")
        let before = await collection.manifest.version
        try await collection.delete(documents[30..<60].map(\.id))
        try await collection.commit()
        #expect(await collection.count == documents.count - 40)
        let old = try await collection.snapshot(asOf: .version(before))
        #expect(old.liveCount == documents.count - 10)
        #expect(Set(old.documents().map(\.id)) == Set(documents.map(\.id)).subtracting(documents[20..<30].map(\.id)))
        await collection.close()
        let reopened = try store.open(collection: "products")
        #expect(await reopened.count == documents.count - 40)
        #expect(try await reopened.snapshot(asOf: .version(before)).liveCount == documents.count - 10)
        await reopened.close()
    }
}
