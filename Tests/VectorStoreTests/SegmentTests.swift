import Foundation
import HNSW
import SECDocuments
import Testing

@testable import VectorStore

/// Segment format: seeded round trips for every codec, and a flipped byte at every position
/// reported as corruption with the file and an offset at or before the flipped byte.
@Suite struct SegmentTests {
    static let dimension = 8

    static func contents(seed: UInt64, rows: Int, tombstones: Int) throws -> SegmentWriter.Contents {
        var generator = SeededGenerator(seed: seed)
        let records = try (0..<rows).map { index in
            StoredRow(
                sequence: UInt64(2 * index + 1),
                record: try StoreTestSupport.row(
                    StoreTestSupport.randomRecord(id: "row-\(index)", dimension: dimension, using: &generator)
                ),
                writtenAtMs: 1_700_000_000_000 + UInt64(index)
            )
        }
        let deleted = (0..<tombstones).map { (sequence: UInt64(2 * $0 + 2), id: "gone-\($0)") }
        return SegmentWriter.Contents(rows: records, tombstones: deleted)
    }

    static let schema = CollectionSchema.secFilings(dimension: dimension)

    static let smallGraph = HNSWParameters(m: 4, efConstruction: 16, efSearch: 16)

    static func write(_ contents: SegmentWriter.Contents, codec: StoreOptions.Codec, to path: String) throws {
        let bytes = try SegmentWriter.encode(contents, schema: schema, codec: codec, graph: smallGraph)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test(arguments: StoreOptions.Codec.allCases, [0, 1, 37])
    func roundTrip(codec: StoreOptions.Codec, rows: Int) throws {
        let directory = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("seg-000001.vseg").path
        let contents = try Self.contents(seed: UInt64(rows), rows: rows, tombstones: rows % 5)
        try Self.write(contents, codec: codec, to: path)
        let segment = try SegmentReader(path: path, fileNumber: 1, schema: Self.schema)
        #expect(segment.source.ids == contents.rows.map(\.record.id))
        for row in 0..<rows { #expect(segment.source.row(row) == contents.rows[row].record) }
        #expect(segment.source.sequences == contents.rows.map(\.sequence))
        #expect(segment.source.writtenAtMs == contents.rows.map(\.writtenAtMs))
        for row in 0..<rows { #expect(segment.source.vector(row) == contents.rows[row].record.vectors[0]) }
        #expect(try segment.tombstones().map(\.id) == contents.tombstones.map(\.id))
        #expect(try segment.tombstones().map(\.sequence) == contents.tombstones.map(\.sequence))
        let texts = SearchSource.texts(contents.rows.map(\.record), schema: Self.schema)
        #expect(
            try LexicalContents(segment.source.lexical)
                == LexicalContents(LexicalPostings(texts: texts, analyzer: .current))
        )
        if case .mapped(_, let offset) = segment.source.vectors[0] { #expect(offset % 64 == 0) }
        #expect((segment.source.graph != nil) == (rows > 0))
        if rows > 0, let graph = segment.source.graph {
            let nearest = try graph.search(contents.rows[0].record.vectors[0], k: 1, ef: 64)
            #expect(nearest.first?.id == 0)
        }
    }

    @Test func flippedByteAnywhereIsReportedWithFileAndOffset() throws {
        let directory = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("seg-000001.vseg").path
        let contents = try Self.contents(seed: 5, rows: 6, tombstones: 2)
        let bytes = try SegmentWriter.encode(contents, schema: Self.schema, codec: .lz4, graph: Self.smallGraph)
        // Every byte of the header and of the directory + trailer; every 5th byte of the blocks
        // (each block is one checksum, so sampling it loses nothing but keeps the test fast).
        let tail = bytes.count - SegmentFormat.trailerBytes - 5 * SegmentFormat.directoryEntryBytes
        let positions =
            Array(0..<SegmentFormat.headerBytes) + Array(stride(from: SegmentFormat.headerBytes, to: tail, by: 5))
            + Array(tail..<bytes.count)
        for position in positions {
            var damaged = bytes
            damaged[position] ^= 0xFF
            try Data(damaged).write(to: URL(fileURLWithPath: path))
            do {
                // Open reads the header, directory and trailer; the scrub reads every other byte.
                try SegmentReader(path: path, fileNumber: 1, schema: Self.schema).verify()
                Issue.record("flip at \(position) not detected")
            } catch {
                #expect(error.code == .corruption)
                #expect(error.file == path)
                #expect((error.offsetBytes ?? .max) <= position, "flip at \(position): \(error)")
            }
        }
    }

    @Test func wrongDimensionAndTruncationAreRefused() throws {
        let directory = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("seg-000001.vseg").path
        let contents = try Self.contents(seed: 1, rows: 3, tombstones: 0)
        try Self.write(contents, codec: .zstd, to: path)
        #expect(throws: StoreError.self) {
            try SegmentReader(path: path, fileNumber: 1, schema: .secFilings(dimension: 4))
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(bytes.count - 1).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try SegmentReader(path: path, fileNumber: 1, schema: Self.schema) }
    }
}

@Suite struct ManifestTests {
    static let manifest = Manifest(
        version: 7,
        commitTimeMs: 1_740_000_000_123,
        nextFileNumber: 12,
        walFileNumber: 11,
        flushedSequence: 900,
        segments: [
            .init(fileNumber: 3, fileBytes: 4096, rowCount: 10, tombstoneCount: 1, sequenceMax: 400),
            .init(fileNumber: 9, fileBytes: 8192, rowCount: 20, tombstoneCount: 0, sequenceMax: 900),
        ]
    )

    @Test func roundTrip() throws {
        #expect(try Manifest.decode(Self.manifest.encode(), file: "MANIFEST") == Self.manifest)
        #expect(try Manifest.decode(Manifest.empty.encode(), file: "MANIFEST") == Manifest.empty)
    }

    @Test func flippedByteAnywhereIsReported() {
        let bytes = Self.manifest.encode()
        for position in 0..<bytes.count {
            var damaged = bytes
            damaged[position] ^= 0xFF
            do {
                _ = try Manifest.decode(damaged, file: "MANIFEST")
                Issue.record("flip at \(position) not detected")
            } catch {
                #expect(error.code == .corruption)
                #expect(error.file == "MANIFEST")
                #expect((error.offsetBytes ?? .max) <= position)
            }
        }
        #expect(throws: StoreError.self) { try Manifest.decode(Array(bytes.dropLast()), file: "MANIFEST") }
    }
}

@Suite struct CompactionPlanTests {
    static func entry(_ number: UInt64, bytes: UInt64) -> Manifest.SegmentEntry {
        Manifest.SegmentEntry(fileNumber: number, fileBytes: bytes, rowCount: 1, tombstoneCount: 0, sequenceMax: number)
    }

    @Test func mergesTheSmallestFullTierWithinTheByteBound() {
        let segments = [
            Self.entry(1, bytes: 1 << 20), Self.entry(2, bytes: 5000), Self.entry(3, bytes: 6000),
            Self.entry(4, bytes: 7000), Self.entry(5, bytes: 1 << 20), Self.entry(6, bytes: 4500),
        ]
        #expect(CompactionPlan.choose(segments, fanIn: 4, inputBytesMax: 1 << 30) == [6, 2, 3, 4])
        #expect(CompactionPlan.choose(segments, fanIn: 4, inputBytesMax: 10_000) == [6, 2])
        #expect(CompactionPlan.choose(segments, fanIn: 5, inputBytesMax: 1 << 30) == nil)
        #expect(CompactionPlan.choose([], fanIn: 2, inputBytesMax: 1) == nil)
    }
}
