import NIOCore

/// Tells the connection's `ConnectionWatch` when the client closes its side. Hummingbird allows
/// remote half-closure, so a client that goes away shows as an `inputClosed` event, not as a
/// closed channel, until the server writes its response; this handler passes every event on.
final class InboundCloseHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event { ConnectionWatch.of(context.channel).close() }
        context.fireUserInboundEventTriggered(event)
    }
}
