import Foundation
import Hummingbird
import HummingbirdTesting
import PipelineConfig
import Testing

@testable import QueryService

/// Deadlines, the rate limit over HTTP, request ids.
@Suite struct OperationsTests {
    @Test func workPastItsDeadlineIsCancelledAnd504() async throws {
        // The work never ends by itself: only the deadline's cancellation ends it.
        await #expect(
            throws: APIError(
                .gatewayTimeout,
                code: "deadline_exceeded",
                message: "the search ran over its deadline of 0.001 seconds"
            )
        ) {
            try await Deadline.run(.milliseconds(1)) { () async throws -> Int in
                try await Task.sleep(for: .seconds(3_600))
                return 1
            }
        }
        let value = try await Deadline.run(.seconds(3_600)) { 42 }
        #expect(value == 42)
    }

    @Test func overTheRateA429CarriesRetryAfter() async throws {
        let tenants = [
            TenantSettings(name: "acme", keySHA256: [ServiceHarness.hash("key-acme")], ratePerSecond: 0.01, burst: 2)
        ]
        try await ServiceHarness(tenants: tenants).withClient { client in
            #expect(try await client.call(.get, "/v1/collections").status == 200)
            #expect(try await client.call(.get, "/v1/collections").status == 200)
            let limited = try await client.call(.get, "/v1/collections")
            #expect(limited.status == 429)
            #expect(limited.errorCode == "rate_limited")
            #expect(limited.headers[.retryAfter].flatMap { Int($0) }.map { $0 >= 1 } == true)
            // Health checks are not rate limited.
            #expect(try await client.call(.get, "/healthz").status == 200)
        }
    }

    @Test func requestIDsAreEchoedOrMinted() async throws {
        try await ServiceHarness().withClient { client in
            var headers = HTTPFields()
            headers[.authorization] = "Bearer key-acme"
            if let name = RequestTrace.requestIDHeader { headers[name] = "trace-123" }
            let echoed = try await client.execute(uri: "/v1/collections", method: .get, headers: headers) { $0 }
            #expect(RequestTrace.requestIDHeader.flatMap { echoed.headers[$0] } == "trace-123")
            if let name = RequestTrace.requestIDHeader { headers[name] = "bad id with spaces" }
            let minted = try await client.execute(uri: "/v1/collections", method: .get, headers: headers) { $0 }
            let id = RequestTrace.requestIDHeader.flatMap { minted.headers[$0] }
            #expect(id != nil && id != "bad id with spaces")
        }
    }

    @Test func keysCompareByHashOnly() {
        let tenant = QueryServer.localTenant(dataDirectory: URL(fileURLWithPath: "/nonexistent"))
        let keyring = APIKeyring(tenants: [(tenant, [ServiceHarness.hash("secret")])])
        #expect(keyring.caller(presenting: "secret")?.keyID == "sha256:" + ServiceHarness.hash("secret").prefix(12))
        #expect(keyring.caller(presenting: "secreT") == nil)
        #expect(keyring.caller(presenting: "") == nil)
        #expect(ConstantTime.equal([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equal([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equal([1, 2], [1, 2, 3]))
    }
}
