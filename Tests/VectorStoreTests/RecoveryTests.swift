import Foundation
import SECDocuments
import Testing

@testable import VectorStore

/// Recovery of a whole collection directory: flipped bytes in each kind of file, leftovers of a
/// crashed flush, a missing manifest, the refused old format.
@Suite struct RecoveryTests {
    static let info = CollectionInfo(name: "c", embeddingModel: "m", dimension: 8)

    /// A collection with at least two segments and a non-empty WAL.
    static func populated() async throws -> (store: LocalStore, directory: String, ids: Set<String>) {
        let store = LocalStore(
            root: StoreTestSupport.temporaryDirectory(),
            options: StoreOptions(memtableBytesMax: 4096, compactionFanIn: 1_000)
        )
        let collection = try store.openOrCreate(info)
        var generator = SeededGenerator(seed: 21)
        var ids: Set<String> = []
        for index in 0..<12 {
            let batch = try (0..<2).map {
                try StoreTestSupport.randomRecord(id: "r\(index)-\($0)", dimension: 8, using: &generator)
            }
            try await collection.upsert(batch)
            ids.formUnion(batch.map(\.chunk.id))
        }
        try await collection.delete(["r0-0"])
        ids.remove("r0-0")
        #expect(await collection.segments.count >= 2)
        return (store, store.root.appendingPathComponent("collections/c").path, ids)
    }

    static func files(_ directory: String, prefix: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(prefix) }.sorted().map {
            directory + "/" + $0
        }
    }

    @Test func reopenKeepsEverythingAcrossSegmentsAndWAL() async throws {
        let (store, _, ids) = try await Self.populated()
        defer { try? FileManager.default.removeItem(at: store.root) }
        let reopened = try store.open(collection: "c")
        #expect(Set(await reopened.records().map(\.chunk.id)) == ids)
    }

    @Test(arguments: ["seg-", "MANIFEST", "wal-"])
    func flippedByteIsReportedWithFileAndOffset(prefix: String) async throws {
        let (store, directory, _) = try await Self.populated()
        defer { try? FileManager.default.removeItem(at: store.root) }
        let path = try #require(try Self.files(directory, prefix: prefix).first)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        var generator = SeededGenerator(seed: UInt64(prefix.count))
        let position = prefix == "wal-" ? 20 : Int(generator.next() % UInt64(size))
        try StoreTestSupport.flipByte(at: position, in: path)
        do {
            // Opening verifies headers, directories and what recovery reads; the scrub the rest.
            try await store.open(collection: "c").scrub()
            Issue.record("flip at \(position) of \(path) not detected")
        } catch {
            #expect(error.code == .corruption)
            #expect(error.file == path)
            #expect((error.offsetBytes ?? .max) <= position)
        }
    }

    @Test func leftoversOfACrashedFlushAreRemoved() async throws {
        let (store, directory, ids) = try await Self.populated()
        defer { try? FileManager.default.removeItem(at: store.root) }
        let segment = try #require(try Self.files(directory, prefix: "seg-").first)
        let orphan = directory + "/seg-999999.vseg"
        try FileManager.default.copyItem(atPath: segment, toPath: orphan)
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: directory + "/MANIFEST.tmp"))
        let reopened = try store.open(collection: "c")
        #expect(Set(await reopened.records().map(\.chunk.id)) == ids)
        #expect(!FileManager.default.fileExists(atPath: orphan))
        #expect(!FileManager.default.fileExists(atPath: directory + "/MANIFEST.tmp"))
    }

    @Test func compactionMergesSegmentsAndKeepsTheLiveSet() async throws {
        let (store, directory, ids) = try await Self.populated()
        defer { try? FileManager.default.removeItem(at: store.root) }
        // Retaining only the current version, the inputs are deleted as soon as the compaction commits.
        let compacting = LocalStore(
            root: store.root,
            options: StoreOptions(memtableBytesMax: 4096, compactionFanIn: 2, versionCountMax: 1)
        )
        let collection = try compacting.open(collection: "c")
        let before = await collection.segments.count
        try await collection.compactIfNeeded()
        let after = await collection.segments.count
        #expect(after < before)
        #expect(try Self.files(directory, prefix: "seg-").count == after)
        #expect(Set(await collection.records().map(\.chunk.id)) == ids)
        let reopened = try store.open(collection: "c")
        #expect(Set(await reopened.records().map(\.chunk.id)) == ids)
    }

    @Test func missingManifestWithSegmentsIsCorruption() async throws {
        let (store, directory, _) = try await Self.populated()
        defer { try? FileManager.default.removeItem(at: store.root) }
        try FileManager.default.removeItem(atPath: directory + "/MANIFEST")
        #expect(throws: StoreError.self) { try store.open(collection: "c") }
    }

    @Test func chunkLogFormatIsRefusedWithAMessageToRerun() throws {
        let store = LocalStore(root: StoreTestSupport.temporaryDirectory())
        defer { try? FileManager.default.removeItem(at: store.root) }
        let directory = store.root.appendingPathComponent("collections/c")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var old = Self.info
        old.formatVersion = 1
        try JSONEncoder().encode(old).write(to: directory.appendingPathComponent("collection.json"))
        do {
            _ = try store.open(collection: "c")
            Issue.record("expected the old format to be refused")
        } catch {
            #expect(error.description.contains("re-run the pipeline"))
        }
    }
}
