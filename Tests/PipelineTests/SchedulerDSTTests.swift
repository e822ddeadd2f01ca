import EDGARTestSupport
import Foundation
import Pipeline
import ServiceLifecycle
import Testing

/// Goal: the running scheduler (not only its cron) fires once per wall-clock time across both
/// daylight-saving changes of America/New_York.
/// Strategy: `30 1,2 * * *` on a simulated clock; each sleep's deadline is read from the observer
/// and the clock advanced to it, so every tick runs (against the fake EDGAR, which has no index for
/// those days) and the next deadline is the one the service computed after it.
/// Invariants: March 9, 2025 — 01:30 EST, then 02:30 (skipped by the gap) once at 03:00 EDT, then
/// 01:30 EDT the next day; November 2 — 01:30 EDT, then 02:30 EST (the repeated 01:30 EST does not
/// fire), then 01:30 EST the next day.
@Suite(.serialized) struct SchedulerDSTTests {
    @Test(arguments: [
        ("2025-03-08T12:00:00Z", ["2025-03-09T06:30:00Z", "2025-03-09T07:00:00Z", "2025-03-10T05:30:00Z"]),
        ("2025-11-01T12:00:00Z", ["2025-11-02T05:30:00Z", "2025-11-02T07:30:00Z", "2025-11-03T06:30:00Z"]),
    ])
    func ticksFireOncePerWallClockTimeAcrossDaylightSavingChanges(start: String, expected: [String]) async throws {
        let server = try await FakeEDGARServer.start()
        let scratch = ExhibitTestSupport.scratch("scheduler-dst")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let definition = try ScheduleTestSupport.definition(
            server: server,
            cache: scratch.appendingPathComponent("cache"),
            cron: "30 1,2 * * *"
        )
        let clock = ManualScheduleClock(start: ScheduleTestSupport.instant(start))
        let events = ScheduleEvents()
        let tick = ScheduledTick(
            definition: definition,
            dataRoot: scratch.appendingPathComponent("data"),
            logger: ScheduleTestSupport.quietLogger
        )
        let service = ScheduleService(
            tick: tick,
            clock: clock,
            observer: events,
            logger: ScheduleTestSupport.quietLogger
        )
        let group = ServiceGroup(services: [service], logger: ScheduleTestSupport.quietLogger)
        var deadlines: [String] = []
        var ticks = 0
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var next = events.stream.makeAsyncIterator()
            while deadlines.count < expected.count, let event = await next.next() {
                switch event {
                case .sleeping(let deadline):
                    deadlines.append(ISO8601DateFormatter().string(from: deadline))
                    if deadlines.count < expected.count { clock.advance(to: deadline) }
                case .tick(let report, let error):
                    #expect(error == nil && report != nil, "\(String(describing: error))")
                    ticks += 1
                }
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(deadlines == expected)
        #expect(ticks == expected.count - 1)
        events.finish()
        await server.shutdown()
    }
}
