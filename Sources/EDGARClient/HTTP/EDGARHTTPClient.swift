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
    let http: HTTPClient
    let logger: Logger

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

    /// Shuts the HTTP client down if `shutdown()` was never reached (an error path that threw past it),
    /// so connections are released instead of async-http-client trapping in its own deinit.
    deinit {
        try? http.syncShutdown()
    }

    /// Releases connections; call once when done.
    public func shutdown() async {
        do {
            try await http.shutdown()
        } catch {
            logger.debug("HTTP client shutdown: \(error)")
        }
    }

    /// GETs a URL under the fair-access rules, collecting the body in memory (capped at
    /// `bodyBytesMax`); for documents of any size use `download(_:into:)`, which streams to disk.
    ///
    /// - Parameters:
    ///   - validators: when given, sent as `If-None-Match` / `If-Modified-Since`; a 304 comes back as
    ///     a result with `notModified == true`.
    ///   - forbiddenMeansAbsent: a 403 without a throttle page fails at once with `httpStatus` 403
    ///     instead of cooling down (`ResponseClassifier`): for resources EDGAR answers 403 when absent.
    /// - Throws: `EDGARError` — `httpStatus` (404 and other permanent statuses), `throttled`,
    ///   `retriesExhausted`, `bodyTooLarge` or `cancelled`, always naming the URL.
    public func get(
        _ url: String,
        validators: Validators? = nil,
        forbiddenMeansAbsent: Bool = false
    ) async throws(EDGARError) -> HTTPResult {
        let (exchange, attempts) = try await perform(
            url,
            validators: validators,
            forbiddenMeansAbsent: forbiddenMeansAbsent
        ) { MemorySink() }
        return HTTPResult(
            url: url,
            status: exchange.status,
            etag: exchange.headers.first(name: "ETag"),
            lastModified: exchange.headers.first(name: "Last-Modified"),
            body: exchange.sink?.bytes ?? [],
            attempts: attempts
        )
    }

    /// The retry loop shared by `get` and `download`: each attempt waits for the gate, streams the
    /// body into a fresh sink, and is classified; a sink whose attempt is retried or rejected is
    /// discarded, so only the accepted attempt's body survives.
    ///
    /// - Returns: the accepted exchange and the number of requests it took (throttled ones included).
    func perform<Sink: BodySink>(
        _ url: String,
        validators: Validators?,
        forbiddenMeansAbsent: Bool = false,
        makeSink: () throws(EDGARError) -> Sink
    ) async throws(EDGARError) -> (Exchange<Sink>, attempts: Int) {
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
            var accepted: Exchange<Sink>?
            do {
                let exchange = try await exchange(url, validators: validators, makeSink: makeSink)
                outcome = ResponseClassifier.classify(
                    status: exchange.status,
                    retryAfter: exchange.headers.first(name: "Retry-After"),
                    bodyHead: exchange.head,
                    forbiddenMeansAbsent: forbiddenMeansAbsent
                )
                accepted = exchange
            } catch let error as EDGARError {
                throw error
            } catch is CancellationError {
                throw EDGARError(code: .cancelled, source: url, message: "cancelled during the request")
            } catch {
                outcome = .transient(reason: "\(error)")
            }
            if case .throttled = outcome { throttles += 1 }
            let decision = await gate.decide(policy: policy, outcome: outcome, attempt: attempt, throttles: throttles)
            if case .done = decision, let accepted { return (accepted, attempt + throttles) }
            accepted?.sink?.discard()
            switch decision {
            case .done:
                throw EDGARError(code: .malformedResponse, source: url, message: "no response")
            case .coolDownThenRetry(let duration):
                await gate.coolDown(for: duration, url: url, status: accepted?.status ?? 0)
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
                    status: accepted?.status
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
}

extension EDGARHTTPClient where C == ContinuousClock {
    /// A client on the real clock.
    public convenience init(configuration: EDGARClientConfiguration, logger: Logger) {
        self.init(configuration: configuration, clock: ContinuousClock(), logger: logger)
    }
}
