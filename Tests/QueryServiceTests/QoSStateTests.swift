import Foundation
import QueryService
import Testing

/// The QoS state machines, driven by given times (no clock, no sleeps).
@Suite struct QoSStateTests {
    @Test func tokenBucketAdmitsABurstThenTheRate() {
        var bucket = TokenBucket(ratePerSecond: 2, burst: 3, now: .zero)
        let times: [Duration] = [
            .zero, .zero, .zero, .zero, .milliseconds(250), .milliseconds(500), .milliseconds(500),
        ]
        let decisions = times.map { bucket.take(at: $0) }
        #expect(
            decisions == [
                .admitted, .admitted, .admitted, .limited(retryAfter: .milliseconds(500)),
                .limited(retryAfter: .milliseconds(250)), .admitted, .limited(retryAfter: .milliseconds(500)),
            ]
        )
        // A long quiet period refills to the burst, never beyond.
        let later = bucket.take(at: .seconds(100))
        #expect(later == .admitted)
        #expect(bucket.tokens == 2)
    }

    @Test func timeGoingBackwardsRefillsNothing() {
        var bucket = TokenBucket(ratePerSecond: 1, burst: 1, now: .seconds(10))
        let decisions = [bucket.take(at: .seconds(10)), bucket.take(at: .seconds(5)), bucket.take(at: .seconds(11))]
        #expect(decisions == [.admitted, .limited(retryAfter: .seconds(1)), .admitted])
    }

    @Test func concurrencyLimitHoldsAtMostMax() {
        var limit = ConcurrencyLimit(max: 2)
        let taken = [limit.acquire(), limit.acquire(), limit.acquire()]
        #expect(taken == [true, true, false])
        #expect(limit.active == 2)
        limit.release()
        let again = limit.acquire()
        #expect(again)
        limit.release()
        limit.release()
        #expect(limit.active == 0)
    }

    @Test func tenantQoSAnswers429WithRetryAfterOnAManualClock() async throws {
        let clock = ManualClock()
        let qos = TenantQoS(clock: QoSClock(clock))
        let tenant = Tenant(
            name: "t",
            tier: .shared,
            isAdmin: false,
            limits: QoSLimits(ratePerSecond: 0.5, burst: 2, concurrentQueriesMax: 1),
            storageRoot: .init(fileURLWithPath: "/nonexistent")
        )
        try qos.admitRequest(tenant)
        try qos.admitRequest(tenant)
        #expect(
            throws: APIError(
                .tooManyRequests,
                code: "rate_limited",
                message: "tenant 't' is over its rate of 0.5 requests/s",
                retryAfterSeconds: 2
            )
        ) {
            try qos.admitRequest(tenant)
        }
        clock.advance(by: .seconds(2))
        try qos.admitRequest(tenant)
        // The concurrent-query cap: a second search while one holds the only slot is refused.
        let inner = try await qos.withQuerySlot(tenant) { () async throws -> Int in
            #expect(qos.activeQueries("t") == 1)
            do {
                _ = try await qos.withQuerySlot(tenant) { 0 }
                return 0
            } catch let error as APIError {
                #expect(error.code == "too_many_queries")
                #expect(error.retryAfterSeconds == 1)
                return 1
            }
        }
        #expect(inner == 1)
        #expect(qos.activeQueries("t") == 0)
    }

    @Test func tenantsHaveSeparateBuckets() throws {
        let qos = TenantQoS(clock: QoSClock(ManualClock()))
        let limits = QoSLimits(ratePerSecond: 1, burst: 1, concurrentQueriesMax: 1)
        let root = URL(fileURLWithPath: "/nonexistent")
        let first = Tenant(name: "a", tier: .shared, isAdmin: false, limits: limits, storageRoot: root)
        let second = Tenant(name: "b", tier: .shared, isAdmin: false, limits: limits, storageRoot: root)
        try qos.admitRequest(first)
        #expect(throws: APIError.self) { try qos.admitRequest(first) }
        try qos.admitRequest(second)
    }
}
