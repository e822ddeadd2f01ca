import Embedding
import Foundation
import Testing

/// The cache log: round trip across reopen, torn tails dropped, mid-file damage reported with its
/// offset.
@Suite struct EmbeddingCacheTests {
    private func directory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("vectordb-cache-\(UUID().uuidString)")
    }

    private func entries(_ count: Int) -> [(key: EmbeddingCacheKey, vector: [Float])] {
        (0..<count).map { index in
            (EmbeddingCacheKey(modelID: "model-a", text: "text \(index)"), (0..<8).map { Float(index) + Float($0) / 8 })
        }
    }

    @Test func vectorsSurviveReopenAndMissesAreNil() async throws {
        let root = directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let stored = entries(5)
        do {
            let cache = try EmbeddingCache(directory: root)
            try await cache.store(stored)
            try await cache.store(stored)  // duplicates are not appended again
        }
        let reopened = try EmbeddingCache(directory: root)
        #expect(await reopened.count == 5)
        let other = EmbeddingCacheKey(modelID: "model-b", text: "text 0")
        let found = try await reopened.vectors(for: stored.map(\.key) + [other])
        #expect(found.prefix(5).map { $0 ?? [] } == stored.map(\.vector))
        #expect(found[5] == nil)
    }

    @Test func tornTailIsDroppedAndTheLogStaysAppendable() async throws {
        let root = directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let stored = entries(3)
        let file: URL
        do {
            let cache = try EmbeddingCache(directory: root)
            try await cache.store(stored)
            file = cache.file
        }
        let bytes = try Data(contentsOf: file)
        try bytes.prefix(bytes.count - 5).write(to: file)
        do {
            let cache = try EmbeddingCache(directory: root)
            #expect(await cache.count == 2)
            try await cache.store(Array(stored.suffix(1)))
        }
        let reopened = try EmbeddingCache(directory: root)
        #expect(try await reopened.vectors(for: stored.map(\.key)).map { $0 ?? [] } == stored.map(\.vector))
    }

    /// Goal: a crash can cut the log at any byte. Strategy: cut a 4-record log at every length.
    /// Invariant: reopening never fails and keeps exactly the records wholly before the cut.
    @Test func everyTruncationKeepsTheCompleteRecords() async throws {
        let root = directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let stored = entries(4)
        let file: URL
        do {
            let cache = try EmbeddingCache(directory: root)
            try await cache.store(stored)
            file = cache.file
        }
        let full = try Data(contentsOf: file)
        let recordBytes = (full.count - 8) / 4
        for length in 0..<full.count {
            try full.prefix(length).write(to: file)
            let cache = try EmbeddingCache(directory: root)
            let complete = max(0, length - 8) / recordBytes
            #expect(await cache.count == complete, "cut at \(length)")
            let found = try await cache.vectors(for: stored.map(\.key))
            #expect(found.prefix(complete).map { $0 ?? [] } == stored.prefix(complete).map(\.vector))
        }
    }

    @Test func midFileDamageIsCorruptionNamingFileAndOffset() async throws {
        let root = directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file: URL
        do {
            let cache = try EmbeddingCache(directory: root)
            try await cache.store(entries(3))
            file = cache.file
        }
        var bytes = try Data(contentsOf: file)
        let recordBytes = (bytes.count - 8) / 3
        bytes[8 + recordBytes + 20] ^= 0xff  // inside the second record's payload
        try bytes.write(to: file)
        let error = #expect(throws: EmbeddingCacheError.self) { _ = try EmbeddingCache(directory: root) }
        #expect(error?.code == .corruption)
        #expect(error?.file == file.path)
        #expect(error?.offsetBytes == 8 + recordBytes)
    }

    @Test func nonFiniteVectorsAreRefused() async throws {
        let root = directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = try EmbeddingCache(directory: root)
        await #expect(throws: EmbeddingCacheError.self) {
            try await cache.store([(EmbeddingCacheKey(modelID: "m", text: "x"), [1, .nan])])
        }
        #expect(await cache.count == 0)
    }
}
