import EDGARTestSupport
import Foundation
import Pipeline
import PipelineConfig
import SECModel
import ServiceLifecycle
import Testing
import VectorStore

/// Goal: a scheduler driven by a simulated clock walks exactly the days it missed, once.
/// Strategy: the fake EDGAR serves daily indexes for Thu 2025-04-24 (HRSC's 8-K), Fri 04-25 (NWFL's
/// 10-Q) and Wed 04-30 (HRSC's 10-K); Mon 04-28 has none (404) and Tue 04-29 answers 403 without a
/// throttle page. The service ticks at Thu 22:00 New York time, then the clock jumps to Wed 23:00
/// (the Friday to Tuesday ticks were missed: the machine slept).
/// Invariants: the second tick walks Fri..Wed, requests no weekend index and not Thursday's again,
/// ingests exactly the 10-Q and the 10-K, and records the state through Wednesday; nothing is
/// ingested twice.
@Suite(.serialized) struct SchedulerTests {
    @Test func twoTicksAcrossAWeekendAHolidayAndMissedDaysIngestTheMissedFilingsOnce() async throws {
        let root = try ScheduleTestSupport.tree(days: [
            "20250424": [ScheduleTestSupport.hrscEightK],
            "20250425": [ScheduleTestSupport.nwflTenQ],
            "20250429": [ScheduleTestSupport.hrscEightK],
            "20250430": [ScheduleTestSupport.hrscTenK],
        ])
        let scratch = ExhibitTestSupport.scratch("scheduler")
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: scratch)
        }
        let server = try await FakeEDGARServer.start(root: root)
        let tuesday = "/Archives/edgar/daily-index/2025/QTR2/form.20250429.idx"
        server.inject(.accessDenied, path: tuesday)
        let data = scratch.appendingPathComponent("data")
        let definition = try ScheduleTestSupport.definition(
            server: server,
            cache: scratch.appendingPathComponent("cache")
        )
        let clock = ManualScheduleClock(start: ScheduleTestSupport.instant("2025-04-24T16:00:00Z"))
        let events = ScheduleEvents()
        let tick = ScheduledTick(definition: definition, dataRoot: data, logger: ScheduleTestSupport.quietLogger)
        let service = ScheduleService(
            tick: tick,
            clock: clock,
            observer: events,
            logger: ScheduleTestSupport.quietLogger
        )
        let group = ServiceGroup(services: [service], logger: ScheduleTestSupport.quietLogger)

        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var next = events.stream.makeAsyncIterator()

            // Thursday 22:00 EDT = 02:00Z Friday.
            guard case .sleeping(let first)? = await next.next() else { throw Failure("no first sleep") }
            #expect(first == ScheduleTestSupport.instant("2025-04-25T02:00:00Z"))
            clock.advance(to: first)
            guard case .tick(let one?, nil)? = await next.next() else { throw Failure("first tick failed") }
            #expect(one.walked?.first == EDGARDate("2025-04-24") && one.walked?.last == EDGARDate("2025-04-24"))
            #expect(one.run?.filingsIngested == 1 && one.run?.exhibitsIngested == 1)
            #expect(one.state.walkedThrough == EDGARDate("2025-04-24") && one.state.ticks == 1)

            // Friday 22:00 is next; the clock jumps past it to Wednesday 23:00 EDT.
            guard case .sleeping(let second)? = await next.next() else { throw Failure("no second sleep") }
            #expect(second == ScheduleTestSupport.instant("2025-04-26T02:00:00Z"))
            server.resetLog()
            clock.advance(to: ScheduleTestSupport.instant("2025-05-01T03:00:00Z"))
            guard case .tick(let two?, nil)? = await next.next() else { throw Failure("second tick failed") }
            #expect(two.walked?.first == EDGARDate("2025-04-25") && two.walked?.last == EDGARDate("2025-04-30"))
            #expect(two.daysIndexed == [EDGARDate("2025-04-25"), EDGARDate("2025-04-30")].compactMap { $0 })
            #expect(two.daysWithoutIndex == [EDGARDate("2025-04-28"), EDGARDate("2025-04-29")].compactMap { $0 })
            #expect(two.run?.filingsIngested == 2, "the 10-Q and the 10-K of the missed days")
            #expect(two.run?.failures.isEmpty == true)
            #expect(two.state.walkedThrough == EDGARDate("2025-04-30") && two.state.ticks == 2)
            let indexes = server.requests.map(\.path).filter { $0.contains("/daily-index/") }
            #expect(
                indexes.map { String($0.suffix(12).prefix(8)) } == ["20250425", "20250428", "20250429", "20250430"]
            )
            #expect(server.requestCount(path: tuesday) == 1, "a plain 403 of a daily index is no throttle")

            guard case .sleeping(let third)? = await next.next() else { throw Failure("no third sleep") }
            #expect(third == ScheduleTestSupport.instant("2025-05-02T02:00:00Z"))
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        let counts = try await LedgerTestSupport.countsPerAccession(in: data)
        #expect(Set(counts.keys) == ["0001999901-25-000011", "0001999902-25-000007", "0001999901-25-000004"])
        let ledger = try await LedgerTestSupport.ledger(in: data)
        #expect(ledger.values.allSatisfy { $0.status == .ingested })
        let stored = try await Self.storedState(in: data, name: ScheduledTick.stateName(of: definition))
        #expect(stored.walkedThrough == EDGARDate("2025-04-30") && stored.ticks == 2 && stored.pipeline == "daily test")
        events.finish()
        await server.shutdown()
    }

    @Test func aTickThatFindsEveryDayWalkedDoesNothingAndMissedDaysAreBoundedByTheWindow() throws {
        let schedule = PipelineDefinition.ScheduleSettings(
            cron: try CronExpression(parsing: "@daily"),
            timeZone: TimeZone(identifier: "America/New_York")!,
            catchUpDays: 3
        )
        let machine = ScheduleMachine(schedule: schedule)
        let now = ScheduleTestSupport.instant("2025-04-30T20:00:00Z")  // Wednesday 16:00 EDT
        let done = ScheduleState(pipeline: "p", walkedThrough: EDGARDate("2025-04-30"), lastTickAtMs: 0, ticks: 4)
        #expect(machine.walk(at: now, after: done) == .upToDate)
        let old = ScheduleState(pipeline: "p", walkedThrough: EDGARDate("2025-04-20"), lastTickAtMs: 0, ticks: 1)
        guard case .days(let range, let leftOut) = machine.walk(at: now, after: old) else {
            Issue.record("expected a walk")
            return
        }
        #expect(range.first == EDGARDate("2025-04-28") && range.last == EDGARDate("2025-04-30"))
        #expect(leftOut == 7, "04-21 through 04-27 fell outside the three-day window")
        // No state: today only (no since), or from since within the window.
        guard case .days(let today, 0) = machine.walk(at: now, after: nil) else {
            Issue.record("expected today")
            return
        }
        #expect(today.first == EDGARDate("2025-04-30") && today.last == today.first)
        let bounded = ScheduleMachine(
            schedule: schedule,
            since: EDGARDate("2025-04-29"),
            until: EDGARDate("2025-04-29")
        )
        guard case .days(let sinceRange, _) = bounded.walk(at: now, after: nil) else {
            Issue.record("expected since..until")
            return
        }
        #expect(sinceRange.first == EDGARDate("2025-04-29") && sinceRange.last == EDGARDate("2025-04-29"))
        // A walk that read no index keeps the old mark: the days are walked again next time.
        let unchanged = machine.state(after: old, pipeline: "p", tickAt: now, walked: range, daysIndexed: [])
        #expect(unchanged.walkedThrough == EDGARDate("2025-04-20") && unchanged.ticks == 2)
    }

    @Test func aSecondSchedulerOnThePipelineIsRefused() throws {
        let scratch = ExhibitTestSupport.scratch("schedule-lock")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let definition = try PipelineDefinition.parse(
            "[pipeline]\nname = \"daily-8k\"\n[source]\nkind = \"edgar\"\ndaily_index = true\n"
                + "[schedule]\ncron = \"@daily\"\n",
            file: "/tmp/daily.toml",
            environment: [:]
        )
        let held = try ScheduleLock.acquire(dataRoot: scratch, definition: definition)
        #expect(held.path == scratch.appendingPathComponent("schedules/filings.daily-8k.lock").path)
        do {
            _ = try ScheduleLock.acquire(dataRoot: scratch, definition: definition)
            Issue.record("a second scheduler must be refused")
        } catch {
            #expect(error.category == .conflict)
            #expect(
                error.description
                    == "schedule stage (\(held.path)): another scheduler runs pipeline 'daily-8k' into collection "
                    + "'filings' (it holds the lock); one scheduler per pipeline"
            )
        }
        withExtendedLifetime(held) {}
    }

    @Test func theLockIsReleasedWhenTheSchedulerEnds() throws {
        let scratch = ExhibitTestSupport.scratch("schedule-unlock")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let definition = try PipelineDefinition.parse(
            "[source]\nkind = \"edgar\"\ndaily_index = true\n",
            file: "/tmp/daily.toml",
            environment: [:]
        )
        do {
            let first = try ScheduleLock.acquire(dataRoot: scratch, definition: definition)
            withExtendedLifetime(first) {}
        }
        let again = try ScheduleLock.acquire(dataRoot: scratch, definition: definition)
        withExtendedLifetime(again) {}
    }

    static func storedState(in data: URL, name: String) async throws -> ScheduleState {
        let collection = try LocalStore(root: data).open(collection: LedgerTestSupport.collection)
        let bytes = try await collection.ingestionLedger().scheduleState(name: name)
        await collection.close()
        return try JSONDecoder().decode(ScheduleState.self, from: Data(try #require(bytes)))
    }
}

struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
