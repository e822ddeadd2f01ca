import ObjectStore
import SECModel
import Testing

/// The pure parts of the S3 client: retry decisions, credentials from the environment, the error
/// table, addressing.
@Suite struct S3PartsTests {
    @Test func retryScheduleIsReproducibleFromItsSeed() {
        let policy = RetryPolicy(attemptsMax: 4, backoffBase: .milliseconds(100), throttleBackoffBase: .seconds(1))
        func schedule(seed: UInt64, code: ObjectStoreError.Code) -> [RetryPolicy.Decision] {
            var random = SeededRandom(seed: seed)
            return (1...4).map { policy.decide(after: code, attempt: $0, random: &random) }
        }
        let first = schedule(seed: 7, code: .transient)
        #expect(first == schedule(seed: 7, code: .transient))
        #expect(first != schedule(seed: 8, code: .transient))
        #expect(first.last == .fail, "the fourth attempt is the last")
        for (index, decision) in first.dropLast().enumerated() {
            guard case .retry(let delay) = decision else {
                Issue.record("attempt \(index + 1) should retry")
                continue
            }
            let ceiling = Duration.milliseconds(100) * (1 << index)
            #expect(delay >= ceiling / 2 && delay <= ceiling, "equal jitter: [ceiling/2, ceiling]")
        }
        guard case .retry(let throttled) = schedule(seed: 7, code: .throttled)[0] else {
            Issue.record("a throttle is retried")
            return
        }
        #expect(throttled >= .milliseconds(500), "throttles back off from the larger base")
    }

    @Test(arguments: [ObjectStoreError.Code.notFound, .preconditionFailed, .conflict, .auth, .badInput, .invalidKey])
    func finalCodesAreNotRetried(_ code: ObjectStoreError.Code) {
        var random = SeededRandom(seed: 1)
        #expect(RetryPolicy().decide(after: code, attempt: 1, random: &random) == .fail)
    }

    @Test func backoffIsCapped() {
        var random = SeededRandom(seed: 3)
        let policy = RetryPolicy(backoffMax: .seconds(2))
        #expect(policy.backoff(base: .seconds(1), attempt: 20, random: &random) <= .seconds(2))
    }

    @Test func credentialsComeFromTheEnvironment() throws {
        let full = try S3Credentials.fromEnvironment([
            "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_SESSION_TOKEN": "token",
        ])
        #expect(full == S3Credentials(accessKeyID: "AKID", secretAccessKey: "secret", sessionToken: "token"))
        let plain = try S3Credentials.fromEnvironment(["AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret"])
        #expect(plain.sessionToken == nil)
        let missing = #expect(throws: ObjectStoreError.self) {
            try S3Credentials.fromEnvironment(["AWS_ACCESS_KEY_ID": "AKID"])
        }
        #expect(missing?.code == .auth)
        #expect(missing?.message.contains("AWS_SECRET_ACCESS_KEY") == true)
    }

    @Test func errorCategoriesFollowTheCodes() {
        let cases: [(ObjectStoreError.Code, String)] = [
            (.badInput, "bad input"), (.auth, "bad input"), (.notFound, "not found"),
            (.preconditionFailed, "conflict"), (.conflict, "conflict"), (.throttled, "unavailable (retry may help)"),
            (.transient, "unavailable (retry may help)"),
        ]
        for (code, category) in cases {
            #expect(ObjectStoreError(code: code, key: "k", message: "m").category.description == category)
        }
        let error = ObjectStoreError(
            code: .preconditionFailed,
            key: "k",
            location: "http://h/b",
            status: 412,
            message: "m"
        )
        #expect(error.description == "object 'k' in http://h/b: preconditionFailed (HTTP 412): m")
    }

    @Test func rejectsAMalformedEndpoint() {
        let credentials = S3Credentials(accessKeyID: "a", secretAccessKey: "b")
        for endpoint in ["", "ftp://host", "not a url", "http://"] {
            let error = #expect(throws: ObjectStoreError.self) {
                try S3ObjectStore(
                    configuration: S3Configuration(endpoint: endpoint, bucket: "b", credentials: credentials)
                )
            }
            #expect(error?.code == .badInput, "\(endpoint)")
        }
    }

    @Test func etagsIgnoreQuotes() {
        #expect(ETag("\"abc\"") == ETag("abc"))
        #expect(ETag("abc").headerValue == "\"abc\"")
        #expect(ETag("0123456789abcdef0123456789abcdef").isContentMD5)
        #expect(!ETag("0123456789abcdef0123456789abcdef-2").isContentMD5)
    }
}
