import EDGARClient
import EDGARTestSupport
import Foundation
import SECModel
import Testing

/// Each injected fault ends in its documented behaviour: throttles → global cool-down then retry;
/// 5xx, truncated and slow bodies → backoff and retry, bounded, then a typed error naming the URL.
@Suite(.serialized) struct ClientFaultTests {
    @Test func servesFixturesWithTheDeclaredUserAgent() async throws {
        let harness = try await ClientHarness.start()
        let result = try await harness.client.get(harness.tenKURL)
        #expect(result.status == 200 && result.body.count == 53802)
        #expect(harness.server.requests.allSatisfy { $0.userAgent == ClientHarness.userAgent })
        await harness.stop()
    }

    @Test func tooManyRequestsWithoutRetryAfterCoolsDownThenResumes() async throws {
        let harness = try await ClientHarness.start(coolDown: .milliseconds(300))
        harness.server.inject(.tooManyRequests(retryAfterSeconds: nil))
        let started = ContinuousClock.now
        let result = try await harness.client.get(harness.tenKURL)
        #expect(result.status == 200)
        #expect(ContinuousClock.now - started >= .milliseconds(300))
        #expect(await harness.client.gate.coolDownCount == 1)
        #expect(harness.server.requests.map(\.status) == [429, 200])
        await harness.stop()
    }

    @Test func retryAfterLargerThanTheCoolDownIsHonoured() async throws {
        let harness = try await ClientHarness.start(coolDown: .milliseconds(100))
        harness.server.inject(.tooManyRequests(retryAfterSeconds: 1))
        let started = ContinuousClock.now
        _ = try await harness.client.get(harness.tenKURL)
        #expect(ContinuousClock.now - started >= .seconds(1))
        let arrivals = harness.server.requests.map(\.arrival)
        #expect(arrivals.count == 2 && arrivals[1] - arrivals[0] >= .seconds(1))
        await harness.stop()
    }

    @Test func throttlePageWithStatus200IsDetectedFromTheBody() async throws {
        let harness = try await ClientHarness.start()
        harness.server.inject(.throttlePageWithStatus200)
        let result = try await harness.client.get(harness.tenKURL)
        #expect(result.body.count == 53802)
        #expect(await harness.client.gate.coolDownCount == 1)
        await harness.stop()
    }

    @Test func forbiddenCoolsDownAndPersistentThrottlingFailsTyped() async throws {
        let harness = try await ClientHarness.start(coolDown: .milliseconds(50), throttlesMax: 2)
        harness.server.inject(.forbidden, times: 3)
        await #expect {
            try await harness.client.get(harness.tenKURL)
        } throws: { error in
            let error = error as? EDGARError
            return error?.code == .throttled && error?.source == harness.tenKURL && error?.status == 403
        }
        #expect(harness.server.requests.count == 3)
        await harness.stop()
    }

    @Test func serviceUnavailableIsRetriedWithBackoff() async throws {
        let harness = try await ClientHarness.start()
        harness.server.inject(.serviceUnavailable, times: 2)
        let result = try await harness.client.get(harness.tenKURL)
        #expect(result.status == 200 && result.attempts == 3)
        #expect(await harness.client.gate.coolDownCount == 0)
        await harness.stop()
    }

    @Test func persistentServerErrorsEndInATypedErrorNamingTheURL() async throws {
        let harness = try await ClientHarness.start(attemptsMax: 3)
        harness.server.inject(.serviceUnavailable, times: 5)
        await #expect {
            try await harness.client.get(harness.tenKURL)
        } throws: { error in
            let error = error as? EDGARError
            return error?.code == .retriesExhausted && error?.source == harness.tenKURL && error?.status == 503
        }
        #expect(harness.server.requests.count == 3)
        await harness.stop()
    }

    @Test func truncatedBodyIsRetried() async throws {
        let harness = try await ClientHarness.start()
        harness.server.inject(.truncatedBody)
        let result = try await harness.client.get(harness.tenKURL)
        #expect(result.body.count == 53802)
        #expect(harness.server.requests.count == 2)
        await harness.stop()
    }

    @Test func slowBodyPastTheDeadlineIsRetried() async throws {
        // The deadline must cut the slow body and a later attempt must deliver the whole file; a
        // loaded CI machine may also push a healthy attempt past the deadline, so the count is a floor.
        let harness = try await ClientHarness.start(requestTimeout: .seconds(1))
        harness.server.inject(.slowBody(milliseconds: 5_000))
        let result = try await harness.client.get(harness.tenKURL)
        #expect(result.body.count == 53802)
        #expect(result.attempts >= 2 && harness.server.requests.count == result.attempts)
        await harness.stop()
    }

    @Test func notFoundFailsAtOnce() async throws {
        let harness = try await ClientHarness.start()
        let url = harness.server.baseURL + "/Archives/edgar/data/1999901/000199990125000002/hrsc-20250206.htm"
        await #expect {
            try await harness.client.get(url)
        } throws: { ($0 as? EDGARError)?.code == .httpStatus && ($0 as? EDGARError)?.status == 404 }
        #expect(harness.server.requests.count == 1)
        await harness.stop()
    }

    @Test func missingUserAgentRefusesBeforeAnyRequest() async throws {
        let server = try await FakeEDGARServer.start()
        #expect(throws: EDGARError.self) { try UserAgent.resolve(configured: nil, environment: [:]) }
        #expect(server.requests.isEmpty)
        await server.shutdown()
    }

    @Test func conditionalRequestsRevalidate() async throws {
        let harness = try await ClientHarness.start()
        let first = try await harness.client.get(harness.tenKURL)
        let second = try await harness.client.get(
            harness.tenKURL,
            validators: Validators(etag: first.etag, lastModified: first.lastModified)
        )
        #expect(second.notModified && second.body.isEmpty)
        await harness.stop()
    }
}
