import EDGARClient
import Foundation
import Testing

/// Goal: under 16 concurrent tasks, no one-second window of request arrivals at the (fake) server
/// holds more than the configured rate. Strategy: 25 requests at rate 10 through one client,
/// arrivals timestamped by the server; every window starting at an arrival is counted.
@Suite(.serialized) struct RateLimitTests {
    @Test func sixteenTasksNeverExceedTheRateInAnyWindow() async throws {
        let harness = try await ClientHarness.start(rate: 10)
        let url = harness.tenKURL
        let client = harness.client
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
        let arrivals = harness.server.requests.map(\.arrival).sorted()
        #expect(arrivals.count == 25)
        var worst = 0
        for (start, first) in arrivals.enumerated() {
            let inWindow = arrivals[start...].prefix { $0 < first + .seconds(1) }.count
            worst = max(worst, inWindow)
        }
        #expect(worst <= 10)
        await harness.stop()
    }
}
