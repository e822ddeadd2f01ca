import Foundation
import Glibc
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
/// exactly the acknowledged batches, or after those plus the one batch in flight (whole).
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
            durableBatches = stored == withAcked ? acknowledged : acknowledged + 1
            if round == 4 {
                let segments = await collection.segments.count
                let version = await collection.manifest.version
                #expect(segments > 0, "the workload should have flushed")
                #expect(Int(version) > segments + 1, "the workload should have compacted: \(version), \(segments)")
            }
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: childPath)
        process.arguments = [root.path, String(workloadSeed), String(firstBatch)]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        var text = ""
        while text.split(separator: "\n").count < acksBeforeKill {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        usleep(delayMicroseconds)
        kill(process.processIdentifier, SIGKILL)
        text += String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationReason == .uncaughtSignal, "child exited by itself: \(stderr)")
        // Only whole lines are acknowledgements; they are consecutive from `firstBatch`.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        for (offset, line) in lines.enumerated() { #expect(line == "ack \(firstBatch + offset)") }
        return lines.count
    }
}
