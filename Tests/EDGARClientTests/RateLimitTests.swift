import EDGARClient
import Foundation
import Logging
import Testing

/// Goal: under 16 concurrent tasks, the fair-access gate never grants more than the configured rate
/// in any one-second window. Strategy: the gate and a whole client run on a `VirtualClock`, so the
/// grant instants are the ones `RateLimiterState` computes (no wall-clock arrivals, which a loaded
/// machine delays and bunches); every window starting at a grant is counted, consecutive grants are
/// at least the limiter's interval apart, and the client's 25 requests all pass the gate.
@Suite struct RateLimitTests {
    static func logger() -> Logger {
        var logger = Logger(label: "edgar-tests")
        logger.logLevel = .error
        return logger
    }

    @Test func sixteenTasksNeverExceedTheRateInAnyWindow() async throws {
        let gate = FairAccessGate(ratePerSecond: 10, seed: 1, clock: VirtualClock(), logger: Self.logger())
        let grants = try await withThrowingTaskGroup(of: [TestInstant].self) { group in
            for _ in 0..<16 {
                group.addTask {
                    var instants: [TestInstant] = []
                    for _ in 0..<25 { instants.append(try await gate.acquire()) }
                    return instants
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        let offsets = grants.map(\.offset).sorted()
        #expect(offsets.count == 400)
        #expect(FairAccessStateTests.maxInAnyWindow(offsets) <= 10)
        let interval = RateLimiterState<TestInstant>(ratePerSecond: 10).interval
        #expect(zip(offsets, offsets.dropFirst()).allSatisfy { $1 - $0 >= interval })
        #expect(await gate.grantCount == 400)
    }

    @Test func everyClientRequestPassesTheGate() async throws {
        let harness = try await ClientHarness.start(rate: 10)
        let clock = VirtualClock()
        let client = EDGARHTTPClient(configuration: harness.client.configuration, clock: clock, logger: Self.logger())
        let url = harness.tenKURL
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<16 {
                group.addTask {
                    var index = task
                    while index < 25 {
                        _ = try await client.get(url)
                        index += 16
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(harness.server.requests.count == 25)
        #expect(await client.gate.grantCount == 25)
        // 25 grants spaced by the interval: the first at once, the last 24 intervals later.
        let interval = RateLimiterState<TestInstant>(ratePerSecond: 10).interval
        #expect(clock.now.offset == interval * 24)
        await client.shutdown()
        await harness.stop()
    }
}
