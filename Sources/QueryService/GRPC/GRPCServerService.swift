import GRPCCore
import GRPCNIOTransportHTTP2Posix
import Logging
import ServiceLifecycle

/// The gRPC server's part of `vectordb serve`: HTTP/2 without TLS (like the HTTP API: terminate
/// TLS in front) on the HTTP API's host and `grpc_port`, messages up to `body_bytes_max`. It logs
/// `grpc listening host=… port=…` once bound; on graceful shutdown it stops accepting calls and
/// returns when the calls in flight have finished.
struct GRPCServerService: Service {
    let server: GRPCServer<HTTP2ServerTransport.Posix>
    let host: String
    let logger: Logger

    /// - Parameters:
    ///   - host: an IPv4 or IPv6 address, or `localhost` (127.0.0.1).
    ///   - port: the TCP port, `0` for any free one.
    init(service: QueryGRPCService, host: String, port: Int, messageBytesMax: Int, logger: Logger) {
        let address: GRPCNIOTransportCore.SocketAddress =
            host.contains(":")
            ? .ipv6(host: host, port: port) : .ipv4(host: host == "localhost" ? "127.0.0.1" : host, port: port)
        let transport = HTTP2ServerTransport.Posix(
            address: address,
            transportSecurity: .plaintext,
            config: .defaults { $0.rpc.maxRequestPayloadSize = messageBytesMax }
        )
        server = GRPCServer(transport: transport, services: [service])
        self.host = host
        self.logger = logger
    }

    func run() async throws {
        let server = self.server
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask { try await server.serve() }
                if let address = try await server.listeningAddress {
                    let port = address.ipv4?.port ?? address.ipv6?.port ?? 0
                    logger.notice("grpc listening", metadata: ["host": "\(host)", "port": "\(port)"])
                }
            }
        } onGracefulShutdown: {
            server.beginGracefulShutdown()
        }
    }
}
