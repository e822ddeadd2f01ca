import Foundation
import Testing

@testable import VectorStore

/// A collection whose manifest predates deletion vectors (format 2) opens by rebuilding liveness
/// once from its segments, and its next commit records the deletion vectors.
@Suite struct LegacyLivenessTests {
    /// `manifest` in manifest format 2 (32-byte segment entries, no deletion vectors).
    static func formatTwo(_ manifest: Manifest) -> [UInt8] {
        var payload: [UInt8] = []
        for value in [manifest.version, manifest.commitTimeMs, manifest.nextFileNumber, manifest.walFileNumber] {
            payload.appendLittleEndian(value)
        }
        payload.appendLittleEndian(manifest.flushedSequence)
        payload.appendLittleEndian(UInt32(manifest.segments.count))
        for segment in manifest.segments {
            payload.appendLittleEndian(segment.fileNumber)
            payload.appendLittleEndian(segment.fileBytes)
            payload.appendLittleEndian(segment.rowCount)
            payload.appendLittleEndian(segment.tombstoneCount)
            payload.appendLittleEndian(segment.sequenceMax)
        }
        return ChecksummedFile.frame(magic: Manifest.magic, formatVersion: 2, payload: payload)
    }

    @Test func aFormatTwoManifestRebuildsLivenessOnceThenRecordsIt() async throws {
        let root = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = LocalStore(root: root, options: StoreOptions(memtableBytesMax: 8 * 1024, compactionFanIn: 1_000))
        let documents = try await SegmentAccessTests.populated(store)
        let directory = root.path + "/collections/products"
        let manifest = try Manifest.decode(
            try #require(try POSIXFileSystem().readFile(directory + "/MANIFEST")),
            file: "MANIFEST"
        )
        #expect(manifest.segments.contains { $0.deletionVersion != 0 })
        let legacy = Self.formatTwo(manifest)
        try Data(legacy).write(to: URL(fileURLWithPath: directory + "/MANIFEST"))
        try FileManager.default.removeItem(atPath: directory + "/versions")
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) where StoreFileName.isDeletions(name)
        {
            try FileManager.default.removeItem(atPath: directory + "/" + name)
        }
        let live = Set(documents.map(\.id)).subtracting(documents[20..<30].map(\.id))

        let reopened = try store.open(collection: "products")
        #expect(await reopened.manifest.tracksDeletions == false)
        #expect(await reopened.count == live.count)
        #expect(Set(await reopened.documents().map(\.id)) == live)
        try await reopened.upsert([documents[0]])
        try await reopened.commit()
        #expect(await reopened.manifest.tracksDeletions)
        await reopened.close()

        let recorded = try store.open(collection: "products")
        for segment in await recorded.segments { #expect(segment.counters.decoded.isEmpty) }
        #expect(await recorded.count == live.count)
        #expect(Set(await recorded.documents().map(\.id)) == live)
        await recorded.close()
    }
}
