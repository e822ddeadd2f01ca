import Foundation
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import NIOPosix
import Synchronization

/// A fake EDGAR on 127.0.0.1 with an ephemeral port: serves `fixtures/edgar` at EDGAR's real URL
/// paths (www, data and efts paths on one host), records every request with its arrival time, and
/// injects faults on demand. Point both base URLs of the client at `baseURL`.
public final class FakeEDGARServer: Sendable {
    /// A fault served instead of the file, once per `inject` call.
    public enum Fault: Sendable, Equatable {
        case tooManyRequests(retryAfterSeconds: Int?)
        case throttlePageWithStatus200
        case serviceUnavailable
        /// Declares the full Content-Length, sends half the body, closes the connection.
        case truncatedBody
        /// Sends the headers, then the body after this delay.
        case slowBody(milliseconds: Int64)
        case forbidden
        /// 403 with an S3-style `AccessDenied` body (no throttle page): what EDGAR answers for some
        /// absent files, such as the daily index of a holiday.
        case accessDenied
    }

    public struct Recorded: Sendable {
        public var path: String
        public var arrival: ContinuousClock.Instant
        public var userAgent: String?
        public var status: Int
    }

    private struct State {
        public var requests: [Recorded] = []
        /// Faults waiting per path (exact path, query included); `"*"` matches any path.
        var faults: [String: [Fault]] = [:]
        /// Generated bodies served at a path instead of a fixture.
        var generated: [String: GeneratedBody] = [:]
    }

    public let root: URL
    private let state = Mutex(State())
    private let channelBox = Mutex<Channel?>(nil)
    private let portBox = Mutex(0)
    private let latencyBox = Mutex<Int64>(0)
    private let stallBox = Mutex<Int?>(nil)

    /// `fixtures/edgar` of this repository, found from this file's path.
    public static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/edgar")

    init(root: URL = FakeEDGARServer.fixtures) { self.root = root }

    public var baseURL: String { "http://127.0.0.1:\(portBox.withLock { $0 })" }

    /// - Parameter gzip: compress responses (`Content-Encoding: gzip`) for clients that accept it.
    public static func start(root: URL = FakeEDGARServer.fixtures, gzip: Bool = false) async throws -> FakeEDGARServer {
        let server = FakeEDGARServer(root: root)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    if gzip { try channel.pipeline.syncOperations.addHandler(HTTPResponseCompressor()) }
                    try channel.pipeline.syncOperations.addHandler(FakeEDGARHandler(server: server))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        server.channelBox.withLock { $0 = channel }
        server.portBox.withLock { $0 = channel.localAddress?.port ?? 0 }
        return server
    }

    public func shutdown() async {
        let channel = channelBox.withLock { $0 }
        try? await channel?.close()
    }

    /// Queues a fault for the next request of `path` (`"*"`: the next request of any path).
    public func inject(_ fault: Fault, path: String = "*", times: Int = 1) {
        state.withLock { $0.faults[path, default: []] += Array(repeating: fault, count: times) }
    }

    /// Serves a generated body of `body.bytes` bytes at `path` (streamed with backpressure).
    public func serve(_ body: GeneratedBody, at path: String) { state.withLock { $0.generated[path] = body } }

    public func generated(path: String) -> GeneratedBody? { state.withLock { $0.generated[path] } }

    public var requests: [Recorded] { state.withLock { $0.requests } }

    /// Delay before every fault-free response body, in milliseconds (a slow server); 0 by default.
    public var latencyMilliseconds: Int64 {
        get { latencyBox.withLock { $0 } }
        set { latencyBox.withLock { $0 = newValue } }
    }

    /// When set, every request after the first `stallAfterRequests` recorded ones is held for two
    /// minutes before its body is sent: a server that stops answering, so a client run cannot finish
    /// and a test can kill it at a known point whatever the machine's speed.
    public var stallAfterRequests: Int? {
        get { stallBox.withLock { $0 } }
        set { stallBox.withLock { $0 = newValue } }
    }

    public func requestCount(path: String) -> Int { requests.filter { $0.path == path }.count }

    public func resetLog() { state.withLock { $0.requests.removeAll() } }

    public func takeFault(path: String) -> Fault? {
        state.withLock { state in
            for key in [path, "*"] {
                if var queue = state.faults[key], !queue.isEmpty {
                    let fault = queue.removeFirst()
                    state.faults[key] = queue
                    return fault
                }
            }
            return nil
        }
    }

    public func record(_ request: Recorded) { state.withLock { $0.requests.append(request) } }

    /// The fixture file for a request path, or `nil` (404). Never leaves `root`.
    public func file(for path: String) -> Data? {
        var relative: String
        if path.hasPrefix("/cgi-bin/browse-edgar") && path.contains("action=getcurrent") {
            relative = "feeds/getcurrent.atom.xml"
        } else if path.hasPrefix("/LATEST/search-index") {
            relative = "LATEST/search-index.json"
        } else {
            relative = String(path.split(separator: "?").first ?? "").trimmingCharacters(in: ["/"])
        }
        guard !relative.isEmpty, !relative.split(separator: "/").contains("..") else { return nil }
        if relative.hasSuffix("/") { relative += "index.json" }
        return FileManager.default.contents(atPath: root.appendingPathComponent(relative).path)
    }

    public static let throttlePage = Data(
        """
        <!DOCTYPE html><html><head><title>SEC.gov | Request Rate Threshold Exceeded</title></head>
        <body><h1>Your Request Originates from an Undeclared Automated Tool</h1></body></html>
        """.utf8
    )
}

/// Serves one connection for `FakeEDGARServer`; all work happens on the channel's event loop.
private final class FakeEDGARHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let server: FakeEDGARServer
    var head: HTTPRequestHead?

    init(server: FakeEDGARServer) { self.server = server }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead): head = requestHead
        case .body: break
        case .end:
            guard let head else { return }
            self.head = nil
            respond(context: context, head: head)
        }
    }

    private func respond(context: ChannelHandlerContext, head: HTTPRequestHead) {
        let arrival = ContinuousClock.now
        let userAgent = head.headers.first(name: "User-Agent")
        var status = 200
        var headers = HTTPHeaders()
        var body = Data()
        var fault = server.takeFault(path: head.uri)
        if userAgent == nil || userAgent?.isEmpty == true { fault = .forbidden }
        if fault == nil, let generated = server.generated(path: head.uri) {
            server.record(.init(path: head.uri, arrival: arrival, userAgent: userAgent, status: 200))
            return streamGenerated(generated, context: context, version: head.version)
        }
        if fault == nil, server.latencyMilliseconds > 0 { fault = .slowBody(milliseconds: server.latencyMilliseconds) }
        if fault == nil, let stall = server.stallAfterRequests, server.requests.count > stall {
            fault = .slowBody(milliseconds: 120_000)
        }
        switch fault {
        case .forbidden:
            status = 403
            body = FakeEDGARServer.throttlePage
        case .accessDenied:
            status = 403
            body = Data("<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code></Error>".utf8)
        case .tooManyRequests(let retryAfter):
            status = 429
            if let retryAfter { headers.add(name: "Retry-After", value: String(retryAfter)) }
        case .throttlePageWithStatus200:
            body = FakeEDGARServer.throttlePage
        case .serviceUnavailable:
            status = 503
        case .truncatedBody, .slowBody, nil:
            if let file = server.file(for: head.uri) {
                body = file
                let etag = "\"\(file.count)-\(file.hashValue & 0xFFFF_FFFF)\""
                headers.add(name: "ETag", value: etag)
                headers.add(name: "Last-Modified", value: "Fri, 14 Feb 2025 21:05:12 GMT")
                if head.headers.first(name: "If-None-Match") == etag {
                    status = 304
                    body = Data()
                }
            } else {
                status = 404
            }
        }
        server.record(.init(path: head.uri, arrival: arrival, userAgent: userAgent, status: status))
        let declaredLength = body.count
        headers.add(name: "Content-Length", value: String(declaredLength))
        headers.add(name: "Content-Type", value: "application/octet-stream")
        let responseHead = HTTPResponseHead(
            version: head.version,
            status: HTTPResponseStatus(statusCode: status),
            headers: headers
        )
        context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
        var buffer = context.channel.allocator.buffer(capacity: body.count)
        switch fault {
        case .truncatedBody:
            buffer.writeBytes(body.prefix(body.count / 2))
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
            context.close(promise: nil)
        case .slowBody(let milliseconds):
            context.flush()
            buffer.writeBytes(body)
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            let payload = buffer
            context.eventLoop.scheduleTask(in: .milliseconds(milliseconds)) {
                let context = loopBound.value
                context.write(self.wrapOutboundOut(.body(.byteBuffer(payload))), promise: nil)
                context.writeAndFlush(self.wrapOutboundOut(.end(nil)), promise: nil)
            }
        default:
            buffer.writeBytes(body)
            context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }

    /// Sends a generated body in 256 KiB pieces, each after the previous one was written, so the
    /// server never holds more than one piece; stops when the client goes away.
    private func streamGenerated(_ body: GeneratedBody, context: ChannelHandlerContext, version: HTTPVersion) {
        var headers = HTTPHeaders()
        if body.declaresLength { headers.add(name: "Content-Length", value: String(body.bytes)) }
        headers.add(name: "Content-Type", value: "text/plain")
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: version, status: .ok, headers: headers))),
            promise: nil
        )
        sendPiece(body, from: 0, context: NIOLoopBound(context, eventLoop: context.eventLoop))
    }

    private func sendPiece(
        _ body: GeneratedBody,
        from offset: Int,
        context loopBound: NIOLoopBound<ChannelHandlerContext>
    ) {
        let context = loopBound.value
        guard offset < body.bytes else {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            return
        }
        let end = min(offset + 256 * 1024, body.bytes)
        var buffer = context.channel.allocator.buffer(capacity: end - offset)
        GeneratedBody.write(offset..<end, into: &buffer)
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(buffer)))).whenSuccess {
            self.sendPiece(body, from: end, context: loopBound)
        }
    }
}
