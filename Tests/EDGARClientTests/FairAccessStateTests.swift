import EDGARClient
import Foundation
import SECModel
import Testing

/// A manual instant for driving the pure state machines without a clock.
struct TestInstant: InstantProtocol {
    var offset: Duration
    func advanced(by duration: Duration) -> TestInstant { TestInstant(offset: offset + duration) }
    func duration(to other: TestInstant) -> Duration { other.offset - offset }
    static func < (lhs: TestInstant, rhs: TestInstant) -> Bool { lhs.offset < rhs.offset }
}

/// Goal: the limiter never grants more than `rate` requests in any one-second window, whatever the
/// arrival pattern. Strategy: seeded simulation of 16 callers that ask at random times, sleep exactly
/// as told and ask again; invariant checked over every window that starts at a grant.
@Suite struct FairAccessStateTests {
    static func maxInAnyWindow(_ grants: [Duration]) -> Int {
        let sorted = grants.sorted()
        var best = 0
        var end = 0
        for start in sorted.indices {
            while end < sorted.count && sorted[end] < sorted[start] + .seconds(1) { end += 1 }
            best = max(best, end - start)
        }
        return best
    }

    @Test(arguments: [1.0, 8.0, 10.0])
    func noWindowExceedsTheRate(rate: Double) {
        var limiter = RateLimiterState<TestInstant>(ratePerSecond: rate)
        var random = SeededRandom(seed: 42)
        // Each caller's next ask time; a min-heap would be faster, 16 callers do not need it.
        var asks = (0..<16).map { _ in Duration.milliseconds(Int64.random(in: 0...50, using: &random)) }
        var grants: [Duration] = []
        while grants.count < 2000 {
            let caller = asks.indices.min { asks[$0] < asks[$1] } ?? 0
            let now = TestInstant(offset: asks[caller])
            switch limiter.acquire(now: now) {
            case .proceed:
                grants.append(now.offset)
                asks[caller] = now.offset + .milliseconds(Int64.random(in: 0...300, using: &random))
            case .wait(let until):
                asks[caller] = until.offset
            }
        }
        #expect(Self.maxInAnyWindow(grants) <= Int(rate))
        // Smooth: sustained throughput within 6 % of the rate (5 % margin + rounding).
        let seconds = Double((grants.last ?? .zero).components.seconds)
        #expect(Double(grants.count) / seconds > rate * 0.94)
    }

    @Test func idleLimiterGrantsAtOnceButNeverBursts() {
        var limiter = RateLimiterState<TestInstant>(ratePerSecond: 10)
        let start = TestInstant(offset: .seconds(100))
        #expect(limiter.acquire(now: start) == .proceed)
        #expect(limiter.acquire(now: start) == .wait(until: start.advanced(by: limiter.interval)))
        #expect(limiter.interval == .milliseconds(105))
    }

    @Test func coolDownBlocksEveryoneAndNeverShortens() {
        var limiter = RateLimiterState<TestInstant>(ratePerSecond: 10)
        let now = TestInstant(offset: .seconds(1))
        let end = limiter.startCoolDown(now: now, duration: .seconds(600))
        #expect(limiter.startCoolDown(now: now, duration: .seconds(5)) == end)
        #expect(limiter.acquire(now: now.advanced(by: .seconds(599))) == .wait(until: end))
        #expect(limiter.acquire(now: end) == .proceed)
    }

    @Test func retryPolicyDecisions() {
        let policy = RetryPolicy(
            attemptsMax: 3,
            backoffBase: .milliseconds(100),
            coolDown: .seconds(600),
            throttlesMax: 2
        )
        var random = SeededRandom(seed: 7)
        #expect(policy.decide(after: .success, attempt: 1, throttles: 0, random: &random) == .done)
        #expect(
            policy.decide(after: .permanent(status: 404), attempt: 1, throttles: 0, random: &random)
                == .fail(.httpStatus)
        )
        #expect(
            policy.decide(after: .throttled(retryAfter: nil), attempt: 1, throttles: 1, random: &random)
                == .coolDownThenRetry(.seconds(600))
        )
        #expect(
            policy.decide(after: .throttled(retryAfter: .seconds(900)), attempt: 1, throttles: 1, random: &random)
                == .coolDownThenRetry(.seconds(900))
        )
        #expect(
            policy.decide(after: .throttled(retryAfter: .seconds(5)), attempt: 1, throttles: 1, random: &random)
                == .coolDownThenRetry(.seconds(600))
        )
        #expect(
            policy.decide(after: .throttled(retryAfter: nil), attempt: 1, throttles: 3, random: &random)
                == .fail(.throttled)
        )
        #expect(
            policy.decide(after: .transient(reason: "503"), attempt: 3, throttles: 0, random: &random)
                == .fail(.retriesExhausted)
        )
        guard
            case .retry(let delay) = policy.decide(
                after: .transient(reason: "503"),
                attempt: 2,
                throttles: 0,
                random: &random
            )
        else {
            Issue.record("expected a retry")
            return
        }
        // Attempt 2: ceiling 200 ms, equal jitter → 100...200 ms.
        #expect(delay >= .milliseconds(100) && delay <= .milliseconds(200))
    }

    @Test func backoffIsReproducibleFromItsSeed() {
        let policy = RetryPolicy()
        var first = SeededRandom(seed: 99)
        var second = SeededRandom(seed: 99)
        let a = (1...6).map { policy.backoff(attempt: $0, random: &first) }
        let b = (1...6).map { policy.backoff(attempt: $0, random: &second) }
        #expect(a == b)
        #expect(a.allSatisfy { $0 <= policy.backoffMax })
    }

    @Test func classifierReadsBodiesNotOnlyStatuses() {
        let page = Array("<title>SEC.gov | Request Rate Threshold Exceeded</title>".utf8)
        #expect(
            ResponseClassifier.classify(status: 200, retryAfter: nil, bodyHead: page) == .throttled(retryAfter: nil)
        )
        #expect(
            ResponseClassifier.classify(status: 429, retryAfter: "120", bodyHead: [])
                == .throttled(retryAfter: .seconds(120))
        )
        #expect(ResponseClassifier.classify(status: 403, retryAfter: nil, bodyHead: []) == .throttled(retryAfter: nil))
        #expect(
            ResponseClassifier.classify(status: 503, retryAfter: nil, bodyHead: []) == .transient(reason: "HTTP 503")
        )
        #expect(ResponseClassifier.classify(status: 404, retryAfter: nil, bodyHead: []) == .permanent(status: 404))
        #expect(ResponseClassifier.classify(status: 304, retryAfter: nil, bodyHead: []) == .success)
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let date = "Tue, 14 Nov 2023 22:20:20 GMT"  // now + 7 minutes
        #expect(ResponseClassifier.parseRetryAfter(date, now: now) == .seconds(420))
    }

    @Test func userAgentIsRequiredAndChecked() throws {
        #expect(throws: EDGARError.self) { try UserAgent.resolve(configured: nil, environment: [:]) }
        #expect(throws: EDGARError.self) { try UserAgent("curl/8.0") }
        #expect(throws: EDGARError.self) { try UserAgent("Acme research") }
        let fromEnvironment = try UserAgent.resolve(
            configured: nil,
            environment: ["VECTORDB_EDGAR_USER_AGENT": "Acme Research ops@acme.example"]
        )
        #expect(fromEnvironment.value == "Acme Research ops@acme.example")
        #expect(throws: EDGARError.self) {
            try EDGARClientConfiguration(userAgent: fromEnvironment, ratePerSecond: 11)
        }
    }
}
