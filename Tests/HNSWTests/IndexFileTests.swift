import Foundation
import HNSW
import Testing

/// Goal: an index written to its file and mapped back answers exactly as the original, and damage
/// to any part of the file is reported as corruption with its offset, never read. Strategy: seeded
/// datasets; one byte flipped in the header and in each section in turn. Invariants: identical
/// results after the round trip; every flip throws `HNSWError.corruption` naming the file.
@Suite struct IndexFileTests {
    static func temporaryPath(_ name: String) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hnsw-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }

    static func build(_ quantization: Quantization, metric: Metric = .cosine) throws -> (HNSWIndex, [[Float]]) {
        let base = HNSWIndexTests.dataset(count: 1_200, dimension: 24, clusters: 12, seed: 41)
        let index = try HNSWIndex(
            dimension: 24,
            metric: metric,
            capacity: base.count,
            parameters: HNSWParameters(m: 8, efConstruction: 64, efSearch: 48, quantization: quantization)
        )
        try index.add(contentsOf: base, threads: 2)
        return (index, HNSWIndexTests.dataset(count: 40, dimension: 24, clusters: 12, seed: 42))
    }

    @Test(arguments: [Quantization.none, .int8])
    func roundTripAnswersIdentically(quantization: Quantization) throws {
        let (index, queries) = try Self.build(quantization)
        let path = Self.temporaryPath("index.hnsw")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        try index.write(to: path)
        let loaded = try HNSWIndex.open(path: path)
        #expect(loaded.count == index.count)
        #expect(loaded.dimension == 24)
        #expect(loaded.metric == .cosine)
        #expect(loaded.parameters == index.parameters)
        #expect(loaded.isQuantized == (quantization == .int8))
        #expect(loaded.trainedQuantizer == index.trainedQuantizer)
        for query in queries {
            #expect(try loaded.search(query, k: 10) == index.search(query, k: 10))
            #expect(try loaded.search(query, k: 5, ef: 200) == index.search(query, k: 5, ef: 200))
        }
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))
    }

    @Test func everyFlippedRegionIsReportedAsCorruption() throws {
        let (index, _) = try Self.build(.int8, metric: .l2)
        let path = Self.temporaryPath("index.hnsw")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        try index.write(to: path)
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        // Header fields, then a byte inside each section: the sections follow the 256-byte header in
        // order (vectors, levels, level 0, upper, offsets, codes, corrections).
        let vectorsEnd = 256 + 1_200 * 24 * 4
        let probes = [3, 17, 100, 250, 256, vectorsEnd - 1, vectorsEnd + 64, original.count / 2, original.count - 1]
        for offset in probes {
            var damaged = original
            damaged[offset] ^= 0x40
            try Data(damaged).write(to: URL(fileURLWithPath: path))
            do {
                _ = try HNSWIndex.open(path: path)
                Issue.record("flip at byte \(offset) was not detected")
            } catch {
                #expect(error.code == .corruption, "byte \(offset): \(error)")
                #expect(error.file == path)
                #expect(error.offsetBytes != nil)
            }
        }
        try Data(original.prefix(original.count - 8)).write(to: URL(fileURLWithPath: path))
        #expect(throws: HNSWError.self) { try HNSWIndex.open(path: path) }
        try Data(original.prefix(100)).write(to: URL(fileURLWithPath: path))
        #expect(throws: HNSWError.self) { try HNSWIndex.open(path: path) }
        #expect(throws: HNSWError.self) { try HNSWIndex.open(path: path + ".missing") }
    }

    @Test func anEmptyIndexIsNotWritten() throws {
        let index = try HNSWIndex(dimension: 4, metric: .l2, capacity: 4)
        let path = Self.temporaryPath("empty.hnsw")
        #expect(throws: HNSWError.self) { try index.write(to: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
