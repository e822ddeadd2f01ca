import Foundation
import Glibc
import SECDocuments
import Testing

@testable import VectorStore
@testable import VectorStoreCrashChild

/// Goal: an acknowledged write survives SIGKILL at any moment, and nothing else is half-visible.
/// Strategy: a child process (`VectorStoreCrashChild`) writes the deterministic `CrashWorkload`
/// batches, printing `ack N` after batch N returns; the parent kills it with SIGKILL after a seeded
/// number of acknowledgements plus a seeded delay (so kills land inside WAL appends, fsyncs,
/// segment writes, manifest swaps), reopens the store, and continues in the same directory: 4
/// directories × 5 kills = 20 kills, each with its own seed.
/// Invariants: the store opens without error; its live records equal the workload state after
/// exactly the acknowledged batches, or after those plus the one batch in flight (whole); every
/// retained manifest version (`versions/`, kept and deleted as the child flushes and compacts)
/// opens and shows exactly the state after the batches it flushed.
@Suite(.serialized) struct CrashTests {
    /// `$VECTORSTORE_CRASH_CHILD`, else the helper next to the test bundle (any build
    /// configuration), else the debug build of this checkout.
    static var childPath: String {
        if let path = ProcessInfo.processInfo.environment["VECTORSTORE_CRASH_CHILD"] { return path }
        let name = "VectorStoreCrashChild"
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent(name).path
        if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return repo.appendingPathComponent(".build/debug/\(name)").path
    }

    @Test(arguments: 0..<4)
    func acknowledgedWritesSurviveSIGKILL(directorySeed: Int) async throws {
        let root = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let workloadSeed = UInt64(directorySeed) * 7_919 + 1
        var durableBatches = 0
        for round in 0..<5 {
            let seed = UInt64(directorySeed * 5 + round)
            var generator = SeededGenerator(seed: seed)
            let acksBeforeKill = 1 + Int(generator.next() % 40)
            let delayMicroseconds = UInt32(generator.next() % 4_000)
            let acked = try Self.runAndKill(
                root: root,
                workloadSeed: workloadSeed,
                firstBatch: durableBatches,
                acksBeforeKill: acksBeforeKill,
                delayMicroseconds: delayMicroseconds
            )
            let collection = try LocalStore(root: root, options: CrashWorkload.options).open(
                collection: CrashWorkload.collection
            )
            let stored = Dictionary(uniqueKeysWithValues: await collection.records().map { ($0.chunk.id, $0) })
            let acknowledged = durableBatches + acked
            let withAcked = CrashWorkload.state(seed: workloadSeed, batches: acknowledged)
            let withInFlight = CrashWorkload.state(seed: workloadSeed, batches: acknowledged + 1)
            #expect(
                stored == withAcked || stored == withInFlight,
                "seed \(seed): \(stored.count) records; acknowledged \(acknowledged) batches"
            )
            #expect(await collection.count == stored.count)
            try await Self.expectRetainedVersionsMatchTheWorkload(collection, seed: workloadSeed)
            durableBatches = stored == withAcked ? acknowledged : acknowledged + 1
            if round == 4 {
                let segments = await collection.segments.count
                let version = await collection.manifest.version
                #expect(segments > 0, "the workload should have flushed")
                #expect(Int(version) > segments + 1, "the workload should have compacted: \(version), \(segments)")
                let retained = await collection.history.manifests.count
                #expect(retained == min(CrashWorkload.options.versionCountMax - 1, Int(version) - 1))
            }
        }
    }

    /// Every retained version opens (its files all present and verified) and shows exactly the
    /// workload state after the batches its `flushedSequence` covers.
    static func expectRetainedVersionsMatchTheWorkload(_ collection: LocalCollection, seed: UInt64) async throws {
        var manifests = Array(await collection.history.manifests.values)
        manifests.append(await collection.manifest)
        #expect(manifests.count <= CrashWorkload.options.versionCountMax)
        for manifest in manifests {
            var batches = 0
            var sequence: UInt64 = 0
            while sequence < manifest.flushedSequence {
                sequence += UInt64(CrashWorkload.rowCount(seed: seed, index: batches))
                batches += 1
            }
            #expect(sequence == manifest.flushedSequence, "version \(manifest.version) ends inside a batch")
            let records = try await collection.snapshot(asOf: .version(manifest.version)).records()
            let stored = Dictionary(uniqueKeysWithValues: records.map { ($0.chunk.id, $0) })
            #expect(
                stored == CrashWorkload.state(seed: seed, batches: batches),
                "version \(manifest.version) differs from the state after \(batches) batches"
            )
        }
    }

    /// Runs the child until it has acknowledged `acksBeforeKill` batches, waits, SIGKILLs it, and
    /// returns how many batches it acknowledged in all.
    static func runAndKill(
        root: URL,
        workloadSeed: UInt64,
        firstBatch: Int,
        acksBeforeKill: Int,
        delayMicroseconds: UInt32
    ) throws -> Int {
        let child = try CrashChildProcess(root: root, workloadSeed: workloadSeed, firstBatch: firstBatch)
        child.waitForAcks(acksBeforeKill)
        usleep(delayMicroseconds)
        return child.kill()
    }

    /// While a writer process runs, another process's open is read-only: it sees a whole-batch
    /// prefix of the acknowledged writes, refuses writes, and leaves the writer's files intact.
    @Test func aSecondProcessOpensReadOnlyWhileTheWriterRuns() async throws {
        let root = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let child = try CrashChildProcess(root: root, workloadSeed: 4_242, firstBatch: 0)
        let ackedBefore = child.waitForAcks(30)
        let store = LocalStore(root: root, options: CrashWorkload.options)
        let reader = try store.open(collection: CrashWorkload.collection)
        #expect(reader.isReadOnly)
        let seen = Dictionary(uniqueKeysWithValues: await reader.records().map { ($0.chunk.id, $0) })
        let ackedAfter = child.waitForAcks(ackedBefore + 5)
        #expect(
            (ackedBefore...(ackedAfter + 1)).contains { seen == CrashWorkload.state(seed: 4_242, batches: $0) },
            "the read-only view is not a whole-batch prefix"
        )
        await #expect(throws: StoreError.self) { try await reader.delete(["id-1"]) }
        let acked = child.kill()
        let writer = try store.open(collection: CrashWorkload.collection)
        #expect(!writer.isReadOnly)
        let stored = Dictionary(uniqueKeysWithValues: await writer.records().map { ($0.chunk.id, $0) })
        #expect(
            stored == CrashWorkload.state(seed: 4_242, batches: acked)
                || stored == CrashWorkload.state(seed: 4_242, batches: acked + 1)
        )
    }

    /// Read-only opens, one after another, while the writer flushes and compacts in the background:
    /// each is a whole-batch prefix of the writes that includes every batch acknowledged before it
    /// started (it reads an immutable version file and the WAL after it, never waiting on a timer).
    @Test func readOnlyOpensStayCurrentWhileTheWriterFlushesAndCompacts() async throws {
        let root = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let seed: UInt64 = 9_001
        let child = try CrashChildProcess(root: root, workloadSeed: seed, firstBatch: 0)
        var acked = child.waitForAcks(5)
        let store = LocalStore(root: root, options: CrashWorkload.options)
        for open in 0..<12 {
            let before = acked
            let reader = try store.open(collection: CrashWorkload.collection)
            #expect(reader.isReadOnly)
            let seen = Dictionary(uniqueKeysWithValues: await reader.records().map { ($0.chunk.id, $0) })
            acked = child.waitForAcks(before + 15)
            #expect(
                Self.isState(seen, seed: seed, afterBatchesIn: before...(acked + 1)),
                "open \(open): not a whole-batch prefix of at least \(before) batches"
            )
        }
        _ = child.kill()
        let writer = try store.open(collection: CrashWorkload.collection)
        let version = await writer.manifest.version
        let segments = await writer.segments.count
        #expect(Int(version) > segments + 1, "the writer should have compacted meanwhile: \(version), \(segments)")
    }

    /// Whether `state` is the workload state after some number of batches in `range` (one pass).
    static func isState(_ state: [String: ChunkRecord], seed: UInt64, afterBatchesIn range: ClosedRange<Int>) -> Bool {
        var replayed: [String: ChunkRecord] = [:]
        for index in 0...range.upperBound {
            if index >= range.lowerBound, replayed == state { return true }
            switch CrashWorkload.batch(seed: seed, index: index) {
            case .upsert(let records): for record in records { replayed[record.chunk.id] = record }
            case .delete(let ids): for id in ids { replayed[id] = nil }
            }
        }
        return false
    }
}

/// The crash child as a running process, reading its `ack N` lines.
final class CrashChildProcess {
    private let process = Process()
    private let output = Pipe()
    private let errors = Pipe()
    private let firstBatch: Int
    private var text = ""

    init(root: URL, workloadSeed: UInt64, firstBatch: Int) throws {
        self.firstBatch = firstBatch
        process.executableURL = URL(fileURLWithPath: CrashTests.childPath)
        process.arguments = [root.path, String(workloadSeed), String(firstBatch)]
        process.standardOutput = output
        process.standardError = errors
        try process.run()
    }

    /// Blocks until at least `count` acknowledgements arrived (or the child ended); returns how many.
    @discardableResult
    func waitForAcks(_ count: Int) -> Int {
        while text.split(separator: "\n").count < count {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        return text.split(separator: "\n").count
    }

    /// SIGKILLs the child and returns how many batches it acknowledged in all (whole lines only;
    /// they are consecutive from `firstBatch`).
    func kill() -> Int {
        Glibc.kill(process.processIdentifier, SIGKILL)
        text += String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationReason == .uncaughtSignal, "child exited by itself: \(stderr)")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        for (offset, line) in lines.enumerated() { #expect(line == "ack \(firstBatch + offset)") }
        return lines.count
    }
}
