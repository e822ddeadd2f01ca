import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// The one HTTP exchange the embeddings provider needs, behind a seam so the retry and validation
/// logic is testable.
public protocol EmbeddingHTTPTransport: Sendable {
    /// POSTs `body` and returns the status, `Retry-After` and a body of at most `bodyBytesMax` bytes.
    ///
    /// - Throws: any transport error (connection refused, timeout, body too large); the provider
    ///   treats these as transient.
    func post(
        url: String,
        headers: [(name: String, value: String)],
        body: [UInt8],
        timeout: Duration,
        bodyBytesMax: Int
    ) async throws -> EmbeddingHTTPResponse
}

/// What the provider reads from a response.
public struct EmbeddingHTTPResponse: Sendable {
    public var status: Int
    public var retryAfter: String?
    public var body: [UInt8]

    public init(status: Int, retryAfter: String? = nil, body: [UInt8]) {
        self.status = status
        self.retryAfter = retryAfter
        self.body = body
    }
}

/// `EmbeddingHTTPTransport` over async-http-client.
///
/// Why async-http-client rather than FoundationNetworking's `URLSession`: it is already a dependency
/// of the package (EDGARClient), behaves the same on Linux and macOS (URLSession on Linux goes through
/// libcurl, with its own proxy, timeout and concurrency quirks), and shares NIO's event loops with the
/// rest of the process. The issue puts this provider in `Embedding`, the one exception to "HTTP only
/// in EDGARClient, ObjectStore and QueryService".
public struct AsyncHTTPClientTransport: EmbeddingHTTPTransport {
    private let client: HTTPClient

    /// - Parameter client: defaults to the process-wide shared client.
    public init(client: HTTPClient = .shared) { self.client = client }

    public func post(
        url: String,
        headers: [(name: String, value: String)],
        body: [UInt8],
        timeout: Duration,
        bodyBytesMax: Int
    ) async throws -> EmbeddingHTTPResponse {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        for header in headers { request.headers.add(name: header.name, value: header.value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        let nanoseconds = timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000
        let response = try await client.execute(request, timeout: .nanoseconds(nanoseconds), logger: nil)
        let buffer = try await response.body.collect(upTo: bodyBytesMax)
        return EmbeddingHTTPResponse(
            status: Int(response.status.code),
            retryAfter: response.headers.first(name: "Retry-After"),
            body: Array(buffer.readableBytesView)
        )
    }
}
