import Foundation
import SECDocuments
import Testing

@testable import VectorStore

/// Point-in-time search: every flush and compaction commits a version; retained versions are
/// searchable `asOf` a number or a moment, listed, pinned, and expire by count and age.
@Suite struct VersionTests {
    static let info = CollectionInfo(name: "v", embeddingModel: "m", dimension: 4)

    static func record(_ id: String, text: String) throws -> ChunkRecord {
        var record = try TTLTests.record(id)
        record.chunk = try StoreTestSupport.chunk(id: id, text: text, cik: "1999901", form: .tenK)
        return record
    }

    /// `id=text` of every hit of an unfiltered vector search at `asOf`, sorted.
    static func contents(_ collection: LocalCollection, asOf: VersionSelector?) async throws -> [String] {
        var request = SearchRequest(vector: [1, 0, 0, 0], k: 100)
        request.asOf = asOf
        return try await collection.search(request).map { "\($0.chunk?.id ?? "")=\($0.chunk?.text ?? "")" }.sorted()
    }

    static func store(_ clock: ManualClock, options: StoreOptions = StoreOptions(compactionFanIn: 2)) -> LocalStore {
        LocalStore(root: StoreTestSupport.temporaryDirectory(), options: options, clock: clock.storeClock)
    }

    @Test func asOfAnOldVersionSeesItsRowsAfterOverwriteDeleteAndCompaction() async throws {
        let clock = ManualClock()
        let store = Self.store(clock)
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(Self.info)
        try await collection.upsert([try Self.record("a", text: "old"), try Self.record("b", text: "bee")])
        clock.advance(seconds: 10)
        try await collection.flush()
        let first = await collection.manifest.version
        clock.advance(seconds: 10)
        try await collection.upsert([try Self.record("a", text: "new")])
        try await collection.delete(["b"])
        try await collection.flush()
        clock.advance(seconds: 10)
        try await collection.compactIfNeeded()
        let compacted = await collection.manifest
        #expect(compacted.version == first + 2)
        #expect(compacted.segments.count == 1)

        #expect(try await Self.contents(collection, asOf: .version(first)) == ["a=old", "b=bee"])
        #expect(try await Self.contents(collection, asOf: nil) == ["a=new"])
        #expect(try await Self.contents(collection, asOf: .version(first + 1)) == ["a=new"])
        #expect(try await Self.contents(collection, asOf: .version(compacted.version)) == ["a=new"])
        // Moments: just after the first flush, just before the second one, and now.
        let firstTime = Date(timeIntervalSince1970: 1_750_000_010)
        #expect(try await Self.contents(collection, asOf: .time(firstTime)) == ["a=old", "b=bee"])
        #expect(try await Self.contents(collection, asOf: .time(firstTime + 9.999)) == ["a=old", "b=bee"])
        #expect(try await Self.contents(collection, asOf: .time(clock.now)) == ["a=new"])
        // The version created with the collection is empty.
        #expect(try await Self.contents(collection, asOf: .version(1)) == [])

        // After a reopen the old segments are opened on demand.
        let reopened = try store.open(collection: "v")
        #expect(try await Self.contents(reopened, asOf: .version(first)) == ["a=old", "b=bee"])
        #expect(try await Self.contents(reopened, asOf: nil) == ["a=new"])
    }

    @Test func unflushedWritesBelongToTheNextVersion() async throws {
        let clock = ManualClock()
        let store = Self.store(clock)
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(Self.info)
        try await collection.upsert([try Self.record("a", text: "one")])
        try await collection.flush()
        try await collection.upsert([try Self.record("a", text: "two"), try Self.record("c", text: "sea")])
        let current = await collection.manifest.version
        #expect(try await Self.contents(collection, asOf: .version(current)) == ["a=one"])
        #expect(try await Self.contents(collection, asOf: nil) == ["a=two", "c=sea"])
        // A compaction while the memtable overwrites a flushed row keeps that row in the new version.
        try await collection.flush()
        try await collection.upsert([try Self.record("a", text: "three")])
        try await collection.compactIfNeeded()
        let compacted = await collection.manifest.version
        #expect(compacted == current + 2)
        #expect(try await Self.contents(collection, asOf: .version(compacted)) == ["a=two", "c=sea"])
        #expect(try await Self.contents(collection, asOf: nil) == ["a=three", "c=sea"])
    }

    @Test func unknownAndExpiredVersionsAreBadInput() async throws {
        let clock = ManualClock()
        let store = Self.store(clock, options: StoreOptions(versionCountMax: 2))
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(Self.info)
        for round in 0..<3 {
            clock.advance(seconds: 1)
            try await collection.upsert([try Self.record("r\(round)", text: "x")])
            try await collection.flush()
        }
        let versions = await collection.snapshots().map(\.version)
        #expect(versions == [3, 4])
        for selector in [VersionSelector.version(0), .version(2), .version(5), .time(Date(timeIntervalSince1970: 0))] {
            let error = await #expect(throws: StoreError.self) {
                try await Self.contents(collection, asOf: selector)
            }
            #expect(error?.code == .badInput, "\(selector)")
        }
    }

    @Test func retentionByCountDeletesFilesOnlyExpiredVersionsList() async throws {
        let clock = ManualClock()
        let store = Self.store(clock, options: StoreOptions(compactionFanIn: 2, versionCountMax: 2))
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(Self.info)
        let directory = store.root.appendingPathComponent("collections/v").path
        try await collection.upsert([try Self.record("a", text: "one")])
        try await collection.flush()
        try await collection.upsert([try Self.record("b", text: "two")])
        try await collection.flush()
        let beforeCompaction = await collection.manifest.segments.map(\.fileNumber)
        try await collection.compactIfNeeded()
        // The version before the compaction is retained: its inputs are still on disk.
        for number in beforeCompaction {
            #expect(FileManager.default.fileExists(atPath: directory + "/" + StoreFileName.segment(number)))
        }
        try await collection.upsert([try Self.record("c", text: "three")])
        try await collection.flush()
        // Now only the current version and the compacted one are retained; the inputs are gone.
        for number in beforeCompaction {
            #expect(!FileManager.default.fileExists(atPath: directory + "/" + StoreFileName.segment(number)))
        }
        let listed = await collection.snapshots()
        #expect(listed.count == 2)
        #expect(listed.last?.isCurrent == true)
        // Every retained version has its file, the current one included (read-only opens read it).
        let versionFiles = try FileManager.default.contentsOfDirectory(atPath: directory + "/versions").sorted()
        #expect(versionFiles == listed.map { StoreFileName.version($0.version) })
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: directory + "/versions/" + versionFiles[1]))
                == Data(contentsOf: URL(fileURLWithPath: directory + "/MANIFEST"))
        )
    }

    @Test func retentionByAgeCountsFromWhenAVersionWasSuperseded() async throws {
        let clock = ManualClock()
        let store = Self.store(clock, options: StoreOptions(versionRetention: .seconds(60)))
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(Self.info)
        clock.advance(seconds: 3_600)  // version 1 is old but was current until the flush below
        try await collection.upsert([try Self.record("a", text: "one")])
        try await collection.flush()
        #expect(await collection.snapshots().map(\.version) == [1, 2])
        clock.advance(seconds: 59)
        try await collection.upsert([try Self.record("b", text: "two")])
        try await collection.flush()
        #expect(await collection.snapshots().map(\.version) == [1, 2, 3])
        clock.advance(seconds: 2)
        try await collection.upsert([try Self.record("c", text: "three")])
        try await collection.flush()
        #expect(await collection.snapshots().map(\.version) == [2, 3, 4])
        // A reopen applies retention too.
        clock.advance(seconds: 3_600)
        let reopened = try store.open(collection: "v")
        #expect(await reopened.snapshots().map(\.version) == [4])
    }

    @Test func pinnedVersionsSurviveRetentionAndReopenUntilUnpinned() async throws {
        let clock = ManualClock()
        let store = Self.store(clock, options: StoreOptions(compactionFanIn: 2, versionCountMax: 1))
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(Self.info)
        try await collection.upsert([try Self.record("a", text: "one")])
        try await collection.flush()
        let pinned = await collection.manifest.version
        try await collection.pin(version: pinned)
        for text in ["two", "three"] {
            try await collection.upsert([try Self.record("a", text: text)])
            try await collection.flush()
            try await collection.compactIfNeeded()
        }
        let listed = await collection.snapshots()
        #expect(listed.map(\.version) == [pinned, await collection.manifest.version])
        #expect(listed.map(\.isPinned) == [true, false])
        #expect(listed.first?.rowCount == 1 && listed.first?.segmentCount == 1)
        #expect(try await Self.contents(collection, asOf: .version(pinned)) == ["a=one"])

        let reopened = try store.open(collection: "v")
        #expect(await reopened.snapshots().first?.isPinned == true)
        #expect(try await Self.contents(reopened, asOf: .version(pinned)) == ["a=one"])
        await #expect(throws: StoreError.self) { try await reopened.unpin(version: pinned + 1) }
        await #expect(throws: StoreError.self) { try await reopened.pin(version: 999) }
        try await reopened.unpin(version: pinned)
        #expect(await reopened.snapshots().count == 2)  // files go at the next flush, compaction or open
        try await reopened.upsert([try Self.record("z", text: "zed")])
        try await reopened.flush()
        #expect(await reopened.snapshots().map(\.version) == [await reopened.manifest.version])
        await #expect(throws: StoreError.self) { try await Self.contents(reopened, asOf: .version(pinned)) }
    }

    @Test func leftoversOfACommitThatCrashedBeforeItsManifestAreRemoved() async throws {
        let clock = ManualClock()
        let store = Self.store(clock)
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(Self.info)
        try await collection.upsert([try Self.record("a", text: "one")])
        try await collection.flush()
        let current = await collection.manifest.version
        let directory = store.root.appendingPathComponent("collections/v").path
        // A commit links the next version's file before it renames the MANIFEST.
        var next = await collection.manifest
        next.version += 1
        let leftover = directory + "/versions/" + StoreFileName.version(next.version)
        try StoreFiles.writeDurably(leftover, with: next.encode())
        let reopened = try store.open(collection: "v")
        #expect(!FileManager.default.fileExists(atPath: leftover))
        #expect(FileManager.default.fileExists(atPath: directory + "/versions/" + StoreFileName.version(current)))
        #expect(await reopened.snapshots().map(\.version) == [1, current])
        #expect(try await Self.contents(reopened, asOf: .version(current)) == ["a=one"])
    }

    @Test func aFlippedByteInASegmentOnlyAnOldVersionListsFailsThatSearchAlone() async throws {
        let clock = ManualClock()
        let store = Self.store(clock)
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(Self.info)
        for text in ["one", "two"] {
            try await collection.upsert([try Self.record("a", text: text)])
            try await collection.flush()
        }
        let old = await collection.manifest
        try await collection.compactIfNeeded()
        let path =
            store.root.appendingPathComponent("collections/v").path + "/"
            + StoreFileName.segment(try #require(old.segments.first?.fileNumber))
        try StoreTestSupport.flipByte(at: 40, in: path)
        let reopened = try store.open(collection: "v")
        #expect(try await Self.contents(reopened, asOf: nil) == ["a=two"])
        let error = await #expect(throws: StoreError.self) {
            try await Self.contents(reopened, asOf: .version(old.version))
        }
        #expect(error?.code == .corruption)
        #expect(error?.file == path)
    }

    @Test func aFlippedByteInARetainedVersionIsReportedWithFileAndOffset() async throws {
        let clock = ManualClock()
        let store = Self.store(clock)
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(Self.info)
        try await collection.upsert([try Self.record("a", text: "one")])
        try await collection.flush()
        try await collection.pin(version: 1)
        let directory = store.root.appendingPathComponent("collections/v").path
        for (path, offset) in [(directory + "/versions/" + StoreFileName.version(1), 30), (directory + "/PINS", 25)] {
            try StoreTestSupport.flipByte(at: offset, in: path)
            do {
                _ = try store.open(collection: "v")
                Issue.record("flip in \(path) not detected")
            } catch {
                #expect(error.code == .corruption)
                #expect(error.file == path)
                #expect((error.offsetBytes ?? .max) <= offset)
            }
            try StoreTestSupport.flipByte(at: offset, in: path)
        }
    }
}
