import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A fault-and-latency HTTP proxy on 127.0.0.1 between a store and moto_server: forwards every
/// request to `upstream` unless a queued fault says otherwise, waits `latency` before each request
/// (S3's ~63 ms GET), and counts what it saw. Point `S3Configuration.endpoint` at `endpoint`.
///
/// Faults are consumed one per matching request, in the order queued.
public final class FaultProxy: Sendable {
    /// What happens to one request instead of a clean pass-through.
    public enum Fault: Sendable, Hashable {
        /// Answers with this status and an S3 `<Error>` of `code`, without forwarding.
        case status(Int, code: String)
        /// Closes the connection with a TCP reset, without forwarding.
        case reset
        /// Forwards (the server applies the request), then resets instead of answering.
        case resetAfterForwarding
        /// Forwards, then sends the full `Content-Length` but only half the body, and closes.
        case truncatedBody

        /// 503 SlowDown, S3's throttle.
        public static let slowDown = Fault.status(503, code: "SlowDown")
        /// 500 InternalError.
        public static let internalError = Fault.status(500, code: "InternalError")
    }

    /// One request as the proxy saw it.
    public struct Recorded: Sendable, Hashable {
        public let method: String
        public let uri: String
        /// The request's headers by lower-case name (the last value of a repeated one).
        public let headers: [String: String]
        public let fault: Fault?
    }

    struct State {
        var faults: [(fault: Fault, method: HTTPMethod?)] = []
        var recorded: [Recorded] = []
        var inFlight = 0
        var inFlightMax = 0
        var latency: Duration = .zero
        /// `injectPeriodically`: every `every`-th request takes the next of `faults` (in turn).
        var periodic: (faults: [Fault], every: Int)?
        var periodicTaken = 0
    }

    let upstream: String
    let state = Mutex(State())
    let http = HTTPClient(eventLoopGroupProvider: .singleton)
    private let channel: Mutex<(any Channel)?> = Mutex(nil)
    private let port: Mutex<Int> = Mutex(0)

    private init(upstream: String) { self.upstream = upstream }

    /// `http://127.0.0.1:<port>`.
    public var endpoint: String { "http://127.0.0.1:\(port.withLock { $0 })" }

    /// Starts a proxy to `upstream` (`http://127.0.0.1:5000`).
    public static func start(upstream: String) async throws -> FaultProxy {
        let proxy = FaultProxy(upstream: upstream)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(FaultProxyHandler(proxy: proxy))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        proxy.channel.withLock { $0 = channel }
        proxy.port.withLock { $0 = channel.localAddress?.port ?? 0 }
        return proxy
    }

    /// Stops listening and releases the upstream connections.
    public func shutdown() async {
        let channel = channel.withLock { $0 }
        try? await channel?.close()
        try? await http.shutdown()
    }

    /// Queues `fault` for the next `times` requests (of `method`, when given).
    public func inject(_ fault: Fault, method: HTTPMethod? = nil, times: Int = 1) {
        state.withLock { $0.faults += Array(repeating: (fault, method), count: times) }
    }

    /// Faults every `every`-th request from now on (when no queued fault applies), taking `faults` in
    /// turn: `every = 5` fails 20 % of requests, deterministically by arrival order. An empty list stops it.
    public func injectPeriodically(_ faults: [Fault], every: Int) {
        state.withLock { $0.periodic = faults.isEmpty ? nil : (faults, max(1, every)) }
    }

    /// The wait before each request is forwarded or faulted.
    public func setLatency(_ latency: Duration) { state.withLock { $0.latency = latency } }

    /// Every request seen, in arrival order.
    public var recorded: [Recorded] { state.withLock { $0.recorded } }

    /// Requests seen so far.
    public var requestCount: Int { state.withLock { $0.recorded.count } }

    /// The most requests that were in the proxy at once.
    public var inFlightMax: Int { state.withLock { $0.inFlightMax } }

    /// Forgets the counts (not the queued faults).
    public func resetCounts() {
        state.withLock {
            $0.recorded = []
            $0.inFlightMax = $0.inFlight
        }
    }

    /// Records a request's arrival and takes its fault, if one is queued for it.
    func arrive(_ head: HTTPRequestHead) -> (fault: Fault?, latency: Duration) {
        state.withLock { state in
            var fault: Fault?
            if let index = state.faults.firstIndex(where: { $0.method == nil || $0.method == head.method }) {
                fault = state.faults.remove(at: index).fault
            } else if let periodic = state.periodic, (state.recorded.count + 1) % periodic.every == 0 {
                fault = periodic.faults[state.periodicTaken % periodic.faults.count]
                state.periodicTaken += 1
            }
            let headers = Dictionary(head.headers.map { ($0.name.lowercased(), $0.value) }) { $1 }
            state.recorded.append(Recorded(method: head.method.rawValue, uri: head.uri, headers: headers, fault: fault))
            state.inFlight += 1
            state.inFlightMax = max(state.inFlightMax, state.inFlight)
            return (fault, state.latency)
        }
    }

    func depart() { state.withLock { $0.inFlight -= 1 } }
}
