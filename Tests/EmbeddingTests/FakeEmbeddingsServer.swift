import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A fake OpenAI-compatible `/v1/embeddings` on 127.0.0.1 with an ephemeral port. It answers each
/// input with a deterministic vector (component `i` = UTF-8 length of the input + i / 1000) as
/// base64 float32, records every request body, and serves scripted faults first.
final class FakeEmbeddingsServer: Sendable {
    enum Reply: Sendable {
        case status(Int, retryAfter: String?)
        case wrongDimension
        case wrongCount
        case notANumber
        case malformedJSON
        /// Answers with JSON number arrays instead of base64.
        case floatArrays
    }

    struct Recorded: Sendable {
        var path: String
        var authorization: String?
        var json: [String: any Sendable]
        var inputs: [String]
    }

    let dimension: Int
    private let replies = Mutex<[Reply]>([])
    private let log = Mutex<[Recorded]>([])
    private let channelBox = Mutex<Channel?>(nil)
    private let portBox = Mutex(0)

    init(dimension: Int) { self.dimension = dimension }

    var baseURL: String { "http://127.0.0.1:\(portBox.withLock { $0 })" }
    var requests: [Recorded] { log.withLock { $0 } }

    static func start(dimension: Int) async throws -> FakeEmbeddingsServer {
        let server = FakeEmbeddingsServer(dimension: dimension)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(FakeEmbeddingsHandler(server: server))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        server.channelBox.withLock { $0 = channel }
        server.portBox.withLock { $0 = channel.localAddress?.port ?? 0 }
        return server
    }

    func shutdown() async {
        let channel = channelBox.withLock { $0 }
        try? await channel?.close()
    }

    /// Queues replies served, in order, before normal answers resume.
    func script(_ queued: Reply...) { replies.withLock { $0 += queued } }

    /// The vector the server computes for `input`.
    func vector(for input: String) -> [Float] {
        (0..<dimension).map { Float(input.utf8.count) + Float($0) / 1_000 }
    }

    /// Status, headers and body for one request.
    func respond(path: String, authorization: String?, body: Data) -> (Int, [(String, String)], Data) {
        let json = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        let inputs = json["input"] as? [String] ?? []
        var sendable: [String: any Sendable] = [:]
        for (key, value) in json {
            if let text = value as? String {
                sendable[key] = text
            } else if let number = value as? Int {
                sendable[key] = number
            }
        }
        log.withLock { $0.append(Recorded(path: path, authorization: authorization, json: sendable, inputs: inputs)) }
        let reply = replies.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        var vectors = inputs.map(vector(for:))
        var asArrays = false
        switch reply {
        case .status(let code, let retryAfter):
            let headers = retryAfter.map { [("Retry-After", $0)] } ?? []
            return (code, headers, Data(#"{"error":{"message":"scripted"}}"#.utf8))
        case .malformedJSON: return (200, [], Data(#"{"data": [ {"embedding": "#.utf8))
        case .wrongDimension: vectors = vectors.map { Array($0.dropLast()) }
        case .wrongCount: vectors = Array(vectors.dropLast())
        case .notANumber: vectors[0][0] = .nan
        case .floatArrays: asArrays = true
        case nil: break
        }
        let data: [[String: Any]] = vectors.enumerated().map { index, vector in
            let embedding: Any =
                asArrays
                ? vector.map { Double($0) }
                : Data(vector.flatMap { value in withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) } })
                    .base64EncodedString()
            return ["object": "embedding", "index": index, "embedding": embedding]
        }
        let object: [String: Any] = ["object": "list", "data": data, "model": json["model"] ?? ""]
        return (
            200, [("Content-Type", "application/json")], (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
        )
    }
}

/// Serves one connection for `FakeEmbeddingsServer` on the channel's event loop.
private final class FakeEmbeddingsHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let server: FakeEmbeddingsServer
    var head: HTTPRequestHead?
    var body = Data()

    init(server: FakeEmbeddingsServer) { self.server = server }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body = Data()
        case .body(var buffer):
            body.append(contentsOf: buffer.readBytes(length: buffer.readableBytes) ?? [])
        case .end:
            guard let head else { return }
            self.head = nil
            let (status, extra, payload) = server.respond(
                path: head.uri,
                authorization: head.headers.first(name: "Authorization"),
                body: body
            )
            var headers = HTTPHeaders()
            for (name, value) in extra { headers.add(name: name, value: value) }
            headers.add(name: "Content-Length", value: String(payload.count))
            let responseHead = HTTPResponseHead(
                version: head.version,
                status: HTTPResponseStatus(statusCode: status),
                headers: headers
            )
            context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: payload)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }
}
