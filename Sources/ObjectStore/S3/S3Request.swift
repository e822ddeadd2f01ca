import NIOHTTP1

/// One S3 request before signing: the object it names (`nil`: the bucket), decoded query parameters,
/// the extra headers to sign and send, and the body.
struct S3Request: Sendable {
    var method: HTTPMethod
    var key: ObjectKey?
    var query: [(name: String, value: String)] = []
    var headers: [(name: String, value: String)] = []
    var body: [UInt8] = []
}

/// A 2xx response, body complete (its length checked against `Content-Length`).
struct S3Response: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]

    /// The `ETag` header, or `corruption` (retried) when a response that must carry one does not.
    func etag(key: String, location: String) throws(ObjectStoreError) -> ETag {
        guard let value = headers.first(name: "ETag"), !value.isEmpty else {
            throw ObjectStoreError(code: .corruption, key: key, location: location, status: status, message: "no ETag")
        }
        return ETag(value)
    }
}

/// A failure below HTTP (connect, reset, timeout, a body cut short), kept as text so the error stays
/// `Sendable`.
struct TransportFailure: Error, Sendable, CustomStringConvertible {
    var description: String
}
