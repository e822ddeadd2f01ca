import Foundation
import Testing

@testable import VectorStore

/// Scheduler states in the collection directory: replaced atomically and durably, survive power
/// loss once recorded, and refuse bad names and oversized states.
@Suite struct ScheduleStateStoreTests {
    @Test func aRecordedStateSurvivesPowerLossAndReplacesTheOldOne() async throws {
        let fileSystem = SimulatedFileSystem()
        let ledger = try await IngestionLedgerTests.ledger(fileSystem)
        #expect(try await ledger.scheduleState(name: "daily-8k") == nil)
        try await ledger.recordScheduleState(Array(#"{"ticks":1}"#.utf8), name: "daily-8k")
        try await ledger.recordScheduleState(Array(#"{"ticks":2}"#.utf8), name: "daily-8k")
        let survivor = fileSystem.afterPowerLoss(.dropUnsynced)
        let reopened = try await IngestionLedgerTests.ledger(survivor)
        #expect(try await reopened.scheduleState(name: "daily-8k") == Array(#"{"ticks":2}"#.utf8))
        #expect(try await reopened.scheduleState(name: "other") == nil)
    }

    @Test func badNamesAndOversizedStatesAreRefused() async throws {
        let ledger = try await IngestionLedgerTests.ledger(SimulatedFileSystem())
        for name in ["", "../collection", ".hidden", "a/b", String(repeating: "x", count: 129)] {
            await #expect(throws: StoreError.self, "\(name)") {
                try await ledger.recordScheduleState([], name: name)
            }
        }
        let big = [UInt8](repeating: 0x20, count: IngestionLedger.scheduleStateBytesMax + 1)
        await #expect(throws: StoreError.self) { try await ledger.recordScheduleState(big, name: "p") }
        #expect(IngestionLedger.isScheduleName("daily_test.v2-x"))
    }
}
