import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix

/// Serves one connection of `FaultProxy`: collects a request, applies its fault or forwards it to
/// the upstream with async-http-client's future API, and writes the answer. All state is touched on
/// the channel's event loop only.
final class FaultProxyHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let proxy: FaultProxy
    private var head: HTTPRequestHead?
    private var body: ByteBuffer?

    init(proxy: FaultProxy) { self.proxy = proxy }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body = nil
        case .body(var part):
            if body == nil { body = part } else { body?.writeBuffer(&part) }
        case .end:
            guard let head else { return }
            self.head = nil
            let (fault, latency) = proxy.arrive(head)
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            let requestBody = body
            context.eventLoop.scheduleTask(in: FaultProxyHandler.timeAmount(latency)) {
                self.handle(head, body: requestBody, fault: fault, context: loopBound.value)
            }
        }
    }

    private func handle(
        _ head: HTTPRequestHead,
        body: ByteBuffer?,
        fault: FaultProxy.Fault?,
        context: ChannelHandlerContext
    ) {
        switch fault {
        case .status(let status, let code):
            let xml =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>\(code)</Code><Message>injected</Message></Error>"
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: "application/xml")
            respond(
                status: HTTPResponseStatus(statusCode: status),
                headers: headers,
                body: Array(xml.utf8),
                head: head,
                context: context
            )
        case .reset:
            reset(context)
        case .resetAfterForwarding, .truncatedBody, nil:
            forward(head, body: body, fault: fault, context: context)
        }
    }

    private func forward(
        _ head: HTTPRequestHead,
        body: ByteBuffer?,
        fault: FaultProxy.Fault?,
        context: ChannelHandlerContext
    ) {
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        let request: HTTPClient.Request
        do {
            var headers = head.headers
            headers.remove(name: "Connection")
            request = try HTTPClient.Request(
                url: proxy.upstream + head.uri,
                method: head.method,
                headers: headers,
                body: body.map { .byteBuffer($0) }
            )
        } catch {
            respond(status: .badGateway, headers: HTTPHeaders(), body: [], head: head, context: context)
            return
        }
        proxy.http.execute(request: request).hop(to: context.eventLoop).whenComplete { result in
            let context = loopBound.value
            switch result {
            case .failure:
                self.respond(status: .badGateway, headers: HTTPHeaders(), body: [], head: head, context: context)
            case .success(let response):
                var headers = response.headers
                headers.remove(name: "Connection")
                headers.remove(name: "Transfer-Encoding")
                let bytes = response.body.map { Array($0.readableBytesView) } ?? []
                if fault == .resetAfterForwarding { return self.reset(context) }
                if head.method != .HEAD { headers.replaceOrAdd(name: "Content-Length", value: String(bytes.count)) }
                let sent = fault == .truncatedBody ? Array(bytes.prefix(bytes.count / 2)) : bytes
                self.respond(status: response.status, headers: headers, body: sent, head: head, context: context)
                if fault == .truncatedBody { context.close(promise: nil) }
            }
        }
    }

    private func respond(
        status: HTTPResponseStatus,
        headers: HTTPHeaders,
        body: [UInt8],
        head: HTTPRequestHead,
        context: ChannelHandlerContext
    ) {
        var headers = headers
        if head.method != .HEAD, headers["Content-Length"].isEmpty {
            headers.add(name: "Content-Length", value: String(body.count))
        }
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))),
            promise: nil
        )
        if !body.isEmpty { context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil) }
        proxy.depart()
        if headers.first(name: "Content-Length").flatMap(Int.init).map({ $0 > body.count }) == true,
            head.method != .HEAD
        {
            context.flush()  // truncated: no end, the caller closes the connection
            return
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    /// Closes with SO_LINGER 0, so the peer sees a reset rather than an orderly close.
    private func reset(_ context: ChannelHandlerContext) {
        proxy.depart()
        let channel = context.channel
        guard let provider = channel as? any SocketOptionProvider else { return channel.close(promise: nil) }
        provider.setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in channel.close(promise: nil) }
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let parts = duration.components
        return .nanoseconds(parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000)
    }
}
