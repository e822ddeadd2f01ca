import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOHTTPCompression

/// What one attempt produced, before `ResponseClassifier` judges it.
struct Exchange<Sink: BodySink> {
    var status: Int
    var headers: HTTPHeaders
    /// The first `ThrottlePage.prefixBytesMax` bytes of the body, for throttle-page detection.
    var head: [UInt8]
    /// Body bytes received, after transparent decompression.
    var bodyBytes: Int
    /// The body for a 2xx status; `nil` otherwise (the body was only drained).
    var sink: Sink?
}

extension EDGARHTTPClient {
    /// One request, its body streamed into a fresh sink as it arrives, under the size cap and the
    /// Content-Length check. On any failure the sink is discarded before the error propagates;
    /// leaving the body loop early drops the body iterator, which makes AsyncHTTPClient abort the
    /// request.
    ///
    /// - Throws: `EDGARError.bodyTooLarge` (declared or received bytes over `bodyBytesMax`, before
    ///   or after decompression), `TruncatedBody`, or the transport's error.
    func exchange<Sink: BodySink>(
        _ url: String,
        validators: Validators?,
        makeSink: () throws(EDGARError) -> Sink
    ) async throws -> Exchange<Sink> {
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
        let cap = configuration.bodyBytesMax
        func tooLarge(_ detail: String) -> EDGARError {
            EDGARError(code: .bodyTooLarge, source: url, message: "\(detail) the cap of \(cap) bytes", status: status)
        }
        let declared = response.headers.first(name: "Content-Length").flatMap { Int($0) }
        if let declared, declared > cap { throw tooLarge("Content-Length \(declared) exceeds") }
        var sink = (200...299).contains(status) ? try makeSink() : nil
        var head: [UInt8] = []
        var received = 0
        do {
            for try await buffer in response.body {
                received += buffer.readableBytes
                if received > cap { throw tooLarge("body exceeds") }
                if head.count < ThrottlePage.prefixBytesMax {
                    head += buffer.readableBytesView.prefix(ThrottlePage.prefixBytesMax - head.count)
                }
                try buffer.withUnsafeReadableBytes { try sink?.append($0) }
            }
            // A connection closed early leaves a body shorter than declared. With compression the header
            // counts compressed bytes, and NIO's parser already rejects an early EOF.
            if response.headers.first(name: "Content-Encoding") == nil, let declared, declared != received,
                status != 304
            {
                throw TruncatedBody(declared: declared, received: received)
            }
        } catch let error as NIOHTTPDecompression.DecompressionError where error == .limit {
            sink?.discard()
            throw tooLarge("decompressed body exceeds")
        } catch {
            sink?.discard()
            throw error
        }
        return Exchange(status: status, headers: response.headers, head: head, bodyBytes: received, sink: sink)
    }
}

/// A body shorter than its `Content-Length`: transient, retried.
struct TruncatedBody: Error, CustomStringConvertible {
    var declared: Int
    var received: Int
    var description: String { "truncated body: received \(received) of \(declared) bytes" }
}
