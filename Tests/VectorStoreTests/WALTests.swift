import Foundation
import SECDocuments
import Testing

@testable import VectorStore

/// WAL format: seeded round trips, torn tails at every cut, flipped bytes everywhere, group commit.
@Suite struct WALTests {
    static let dimension = 4

    static func randomRecords(seed: UInt64, count: Int) throws -> [WALRecord] {
        var generator = SeededGenerator(seed: seed)
        var sequence: UInt64 = 1
        var records: [WALRecord] = []
        for index in 0..<count {
            let rows = 1 + Int(generator.next() % 4)
            if generator.next() % 4 == 0 {
                records.append(.delete(firstSequence: sequence, ids: (0..<rows).map { "id-\(index)-\($0)" }))
            } else {
                let batch = try (0..<rows).map {
                    try StoreTestSupport.row(
                        StoreTestSupport.randomRecord(id: "id-\(index)-\($0)", dimension: dimension, using: &generator)
                    )
                }
                records.append(
                    .upsert(firstSequence: sequence, writtenAtMs: 1_700_000_000_000 + sequence, records: batch)
                )
            }
            sequence += UInt64(rows)
        }
        return records
    }

    static func file(_ records: [WALRecord]) throws -> (bytes: [UInt8], offsets: [Int]) {
        var bytes = WALRecord.fileHeader()
        var offsets: [Int] = []
        for record in records {
            offsets.append(bytes.count)
            bytes += try record.encode()
        }
        return (bytes, offsets)
    }

    @Test(arguments: 0..<20)
    func roundTrip(seed: Int) throws {
        let records = try Self.randomRecords(seed: UInt64(seed), count: 1 + seed % 7)
        let (bytes, _) = try Self.file(records)
        let scan = try WALReader.scan(bytes, file: "wal", isNewest: true)
        #expect(scan.records == records)
        #expect(scan.validBytes == bytes.count)
        #expect(!scan.hadTornTail)
    }

    @Test func tornTailAtEveryCutKeepsTheEarlierRecords() throws {
        let records = try Self.randomRecords(seed: 7, count: 3)
        let (bytes, offsets) = try Self.file(records)
        for cut in (offsets[2] + 1)..<bytes.count {
            let scan = try WALReader.scan(Array(bytes[0..<cut]), file: "wal", isNewest: true)
            #expect(scan.records == Array(records[0..<2]), "cut at \(cut)")
            #expect(scan.validBytes == offsets[2])
            #expect(scan.hadTornTail)
            #expect(throws: StoreError.self) { try WALReader.scan(Array(bytes[0..<cut]), file: "wal", isNewest: false) }
        }
        let zeroTail = bytes + [UInt8](repeating: 0, count: 100)
        #expect(try WALReader.scan(zeroTail, file: "wal", isNewest: true).records == records)
        #expect(try WALReader.scan([UInt8](repeating: 0, count: 9), file: "wal", isNewest: true).records.isEmpty)
    }

    @Test func flippedByteAnywhereIsCorruptionAtItsRecord() throws {
        let records = try Self.randomRecords(seed: 3, count: 3)
        let (bytes, offsets) = try Self.file(records)
        for position in 0..<bytes.count {
            var damaged = bytes
            damaged[position] ^= 0xFF
            let recordStart = offsets.last { $0 <= position } ?? 0
            do {
                _ = try WALReader.scan(damaged, file: "wal-000001.log", isNewest: true)
                Issue.record("flip at \(position) not detected")
            } catch {
                #expect(error.code == .corruption)
                #expect(error.file == "wal-000001.log")
                #expect(error.offsetBytes == recordStart, "flip at \(position)")
            }
        }
    }

    @Test func concurrentUpsertsShareFsyncsAndAllSurvive() async throws {
        let root = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = LocalStore(root: root)
        let info = CollectionInfo(name: "c", embeddingModel: "m", dimension: Self.dimension)
        let collection = try store.openOrCreate(info)
        var generator = SeededGenerator(seed: 11)
        let batches = try (0..<64).map { index in
            [try StoreTestSupport.randomRecord(id: "r\(index)", dimension: Self.dimension, using: &generator)]
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for batch in batches { group.addTask { try await collection.upsert(batch) } }
            try await group.waitForAll()
        }
        #expect(await collection.count == 64)
        let reopened = try store.open(collection: "c")
        #expect(await reopened.count == 64)
        #expect(Set(await reopened.records().map(\.chunk.id)) == Set((0..<64).map { "r\($0)" }))
    }

    @Test func intervalPolicyAcknowledgesAndRecovers() async throws {
        let root = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = LocalStore(root: root, options: StoreOptions(fsyncPolicy: .interval(.milliseconds(5))))
        let collection = try store.openOrCreate(CollectionInfo(name: "c", embeddingModel: "m", dimension: 4))
        var generator = SeededGenerator(seed: 12)
        for index in 0..<10 {
            try await collection.upsert([
                try StoreTestSupport.randomRecord(id: "r\(index)", dimension: 4, using: &generator)
            ])
        }
        try await collection.delete(["r0", "r1"])
        #expect(await collection.count == 8)
        #expect(await (try store.open(collection: "c")).count == 8)
    }
}
