import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// The only way the project talks to EDGAR: every request passes the process-wide fair-access gate,
/// carries the declared User-Agent and `Accept-Encoding: gzip, deflate`, and is retried or paused
/// according to `RetryPolicy`.
///
/// Share one instance across tasks: the rate limit is per instance, so two instances in one process
/// would double the rate.
public final class EDGARHTTPClient<C: Clock>: Sendable where C.Duration == Duration {
    public let configuration: EDGARClientConfiguration
    /// The shared limiter; exposed for tests and progress reports.
    public let gate: FairAccessGate<C>
    private let http: HTTPClient
    private let logger: Logger

    /// - Parameters:
    ///   - clock: the clock the limiter, cool-downs and backoffs sleep on.
    public init(configuration: EDGARClientConfiguration, clock: C, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        self.gate = FairAccessGate(
            ratePerSecond: configuration.ratePerSecond,
            seed: configuration.randomSeed,
            clock: clock,
            logger: logger
        )
        // The read timeout is the longest silence tolerated mid-response (a stalled or slow body).
        let stall = min(configuration.requestTimeout, .seconds(60)).components
        let stallNanos = stall.seconds * 1_000_000_000 + stall.attoseconds / 1_000_000_000
        var httpConfiguration = HTTPClient.Configuration(
            redirectConfiguration: .follow(max: 5, allowCycles: false),
            timeout: HTTPClient.Configuration.Timeout(connect: .seconds(30), read: .nanoseconds(stallNanos)),
            decompression: .enabled(limit: .size(configuration.bodyBytesMax))
        )
        httpConfiguration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 16
        self.http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
    }

    /// Releases connections; call once when done.
    public func shutdown() async {
        do {
            try await http.shutdown()
        } catch {
            logger.debug("HTTP client shutdown: \(error)")
        }
    }

    /// GETs a URL under the fair-access rules.
    ///
    /// - Parameter validators: when given, sent as `If-None-Match` / `If-Modified-Since`; a 304 comes
    ///   back as a result with `notModified == true`.
    /// - Throws: `EDGARError` — `httpStatus` (404 and other permanent statuses), `throttled`,
    ///   `retriesExhausted`, `bodyTooLarge` or `cancelled`, always naming the URL.
    public func get(_ url: String, validators: Validators? = nil) async throws(EDGARError) -> HTTPResult {
        let policy = configuration.retry
        var attempt = 1
        var throttles = 0
        while true {
            do {
                try await gate.acquire()
            } catch {
                throw EDGARError(code: .cancelled, source: url, message: "cancelled while waiting for the rate limiter")
            }
            let outcome: ExchangeOutcome
            var result: HTTPResult?
            var status: Int?
            do {
                let exchange = try await exchange(url, validators: validators)
                status = exchange.status
                outcome = ResponseClassifier.classify(
                    status: exchange.status,
                    retryAfter: exchange.retryAfter,
                    bodyHead: exchange.result.body.prefix(ThrottlePage.prefixBytesMax)
                )
                result = exchange.result
            } catch let error as EDGARError {
                throw error
            } catch is CancellationError {
                throw EDGARError(code: .cancelled, source: url, message: "cancelled during the request")
            } catch {
                outcome = .transient(reason: "\(error)")
            }
            if case .throttled = outcome { throttles += 1 }
            let decision = await gate.decide(policy: policy, outcome: outcome, attempt: attempt, throttles: throttles)
            switch decision {
            case .done:
                if var result {
                    result.attempts = attempt + throttles
                    return result
                }
                throw EDGARError(code: .malformedResponse, source: url, message: "no response")
            case .coolDownThenRetry(let duration):
                await gate.coolDown(for: duration, url: url, status: status ?? 0)
            case .retry(let delay):
                logger.warning(
                    "EDGAR request failed; retrying",
                    metadata: ["url": "\(url)", "attempt": "\(attempt)", "reason": "\(outcome)", "delay": "\(delay)"]
                )
                do {
                    try await gate.sleep(for: delay)
                } catch {
                    throw EDGARError(code: .cancelled, source: url, message: "cancelled during backoff")
                }
                attempt += 1
            case .fail(let code):
                throw EDGARError(
                    code: code,
                    source: url,
                    message: Self.failureMessage(code: code, outcome: outcome, attempt: attempt, throttles: throttles),
                    status: status
                )
            }
        }
    }

    private static func failureMessage(
        code: EDGARError.Code,
        outcome: ExchangeOutcome,
        attempt: Int,
        throttles: Int
    )
        -> String
    {
        switch code {
        case .retriesExhausted: return "gave up after \(attempt) attempts; last: \(outcome)"
        case .throttled: return "still throttled after \(throttles) cool-downs"
        default: return "\(outcome)"
        }
    }

    private struct Exchange {
        var status: Int
        var retryAfter: String?
        var result: HTTPResult
    }

    /// One request and its whole body, with the size cap and the Content-Length check.
    private func exchange(_ url: String, validators: Validators?) async throws -> Exchange {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers.add(name: "User-Agent", value: configuration.userAgent.value)
        request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        if let etag = validators?.etag { request.headers.add(name: "If-None-Match", value: etag) }
        if let modified = validators?.lastModified { request.headers.add(name: "If-Modified-Since", value: modified) }
        let timeout = configuration.requestTimeout.components
        let nanos = timeout.seconds * 1_000_000_000 + timeout.attoseconds / 1_000_000_000
        let response = try await http.execute(request, timeout: .nanoseconds(nanos), logger: nil)
        let status = Int(response.status.code)
        var body: [UInt8] = []
        if let declared = response.headers.first(name: "Content-Length").flatMap({ Int($0) }),
            declared > configuration.bodyBytesMax
        {
            throw EDGARError(
                code: .bodyTooLarge,
                source: url,
                message: "Content-Length \(declared) exceeds the cap of \(configuration.bodyBytesMax) bytes",
                status: status
            )
        }
        for try await buffer in response.body {
            if body.count + buffer.readableBytes > configuration.bodyBytesMax {
                throw EDGARError(
                    code: .bodyTooLarge,
                    source: url,
                    message: "body exceeds the cap of \(configuration.bodyBytesMax) bytes",
                    status: status
                )
            }
            body.append(contentsOf: buffer.readableBytesView)
        }
        // A connection closed early leaves a body shorter than declared. With compression the header
        // counts compressed bytes, and NIO's parser already rejects an early EOF.
        if response.headers.first(name: "Content-Encoding") == nil,
            let declared = response.headers.first(name: "Content-Length").flatMap({ Int($0) }),
            declared != body.count, status != 304
        {
            throw TruncatedBody(declared: declared, received: body.count)
        }
        return Exchange(
            status: status,
            retryAfter: response.headers.first(name: "Retry-After"),
            result: HTTPResult(
                url: url,
                status: status,
                etag: response.headers.first(name: "ETag"),
                lastModified: response.headers.first(name: "Last-Modified"),
                body: body,
                attempts: 1
            )
        )
    }
}

/// A body shorter than its `Content-Length`: transient, retried.
struct TruncatedBody: Error, CustomStringConvertible {
    var declared: Int
    var received: Int
    var description: String { "truncated body: received \(received) of \(declared) bytes" }
}

extension EDGARHTTPClient where C == ContinuousClock {
    /// A client on the real clock.
    public convenience init(configuration: EDGARClientConfiguration, logger: Logger) {
        self.init(configuration: configuration, clock: ContinuousClock(), logger: logger)
    }
}
