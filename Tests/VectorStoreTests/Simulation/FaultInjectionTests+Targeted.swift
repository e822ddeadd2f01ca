import Dispatch
import Foundation
import Testing

@testable import VectorStore

/// Power-loss cases a sequential workload cannot reach (see `FaultInjectionTests`).
extension FaultInjectionTests {
    static func document(_ id: String, _ text: String) -> Document {
        Document(id: id, fields: ["text": .string(text)], vectors: ["v": [0.5, 0.25, 0, 1]])
    }

    static func store(
        _ fileSystem: SimulatedFileSystem,
        _ options: StoreOptions = FaultWorkload.options()
    )
        -> LocalStore
    {
        LocalStore(
            root: URL(fileURLWithPath: fileSystem.root),
            options: options,
            fileSystem: fileSystem,
            logger: FaultWorkload.logger
        )
    }

    static func ids(_ collection: LocalCollection) async -> Set<String> {
        Set(await collection.documents().map(\.id))
    }

    /// A write acknowledged while a flush is writing its segment lives only in the new WAL file:
    /// that file's directory entry must be durable before the write is acknowledged, not only once
    /// the flush commits.
    @Test func aWriteAcknowledgedDuringAFlushSurvivesPowerLoss() async throws {
        let fileSystem = SimulatedFileSystem()
        let collection = try Self.store(fileSystem).openOrCreate(FaultWorkload.info)
        try await collection.upsert([Self.document("before", "one")])
        let gate = DispatchSemaphore(value: 0)
        fileSystem.inject { _, kind, path in kind == .open && path.hasSuffix(".vseg") ? .pause(gate) : nil }
        let flush = Task { try await collection.commit() }
        while !fileSystem.isPaused { await Task.yield() }
        try await collection.upsert([Self.document("during", "two")])
        let survivor = fileSystem.afterPowerLoss(.dropUnsynced)
        gate.signal()
        _ = await flush.result
        let reopened = try Self.store(survivor).open(collection: FaultWorkload.collection)
        #expect(await Self.ids(reopened) == ["before", "during"])
    }

    /// A torn WAL tail is cut off at open without an `fsync` of its own; the rotation that makes the
    /// file an older one must `fsync` it first, or a power loss brings the torn tail back into a
    /// file that is no longer the newest (which reads as corruption).
    @Test func aTruncatedTornTailStaysCutAfterTheLogRotates() async throws {
        let fileSystem = SimulatedFileSystem()
        let collection = try Self.store(fileSystem).openOrCreate(FaultWorkload.info)
        try await collection.upsert([Self.document("kept", "one")])
        fileSystem.inject { _, kind, path in kind == .write && path.hasSuffix(".log") ? .crash(tornFraction: 0.5) : nil
        }
        await #expect(throws: StoreError.self) { try await collection.upsert([Self.document("torn", "two")]) }
        // The half-written record reached the disk; the next open truncates it.
        let torn = fileSystem.afterPowerLoss(.keepUnsynced)
        let reopened = try Self.store(torn).open(collection: FaultWorkload.collection)
        #expect(await Self.ids(reopened) == ["kept"])
        torn.inject { _, kind, path in kind == .open && path.hasSuffix(".vseg") ? .crash(tornFraction: 0) : nil }
        await #expect(throws: StoreError.self) { try await reopened.commit() }
        let survivor = torn.afterPowerLoss(.dropUnsynced)
        let final = try Self.store(survivor).open(collection: FaultWorkload.collection)
        #expect(await Self.ids(final) == ["kept"])
    }

    /// With the `.interval` policy a write is acknowledged before its `fsync`; once the background
    /// `fsync` has run, every write before it survives power loss.
    @Test func theIntervalPolicysBackgroundSyncMakesWritesDurable() async throws {
        let fileSystem = SimulatedFileSystem()
        let options = FaultWorkload.options(fsyncPolicy: .interval(.milliseconds(1)))
        let collection = try Self.store(fileSystem, options).openOrCreate(FaultWorkload.info)
        for index in 0..<5 { try await collection.upsert([Self.document("d\(index)", "text \(index)")]) }
        var polls = 0
        while await collection.wal?.isDurable != true, polls < 20_000 {
            polls += 1
            try await Task.sleep(for: .milliseconds(1))
        }
        #expect(await collection.wal?.isDurable == true, "no background fsync ran")
        let reopened = try Self.store(fileSystem.afterPowerLoss(.dropUnsynced), options).open(
            collection: FaultWorkload.collection
        )
        #expect(await Self.ids(reopened) == Set((0..<5).map { "d\($0)" }))
    }
}
