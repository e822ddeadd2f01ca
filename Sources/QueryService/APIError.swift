import Hummingbird

/// A failed request as the API answers it: an HTTP status and `{"error": {"code", "message"}}`
/// (docs/service.md, "Errors"). `APIError.from(_:)` is the one place any error becomes one.
public struct APIError: Error, Sendable, Hashable, CustomStringConvertible {
    public var status: HTTPResponse.Status
    /// Stable, snake_case: `bad_input`, `not_found`, `rate_limited`, … (docs/service.md lists them).
    public var code: String
    public var message: String
    /// Seconds the caller should wait before retrying (`Retry-After`), for 429 and some 503s.
    public var retryAfterSeconds: Int?

    public init(_ status: HTTPResponse.Status, code: String, message: String, retryAfterSeconds: Int? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.retryAfterSeconds = retryAfterSeconds
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    /// 400 `bad_input`.
    static func badInput(_ message: String) -> APIError { APIError(.badRequest, code: "bad_input", message: message) }

    /// 400 `malformed_json`.
    static func malformedJSON(_ message: String) -> APIError {
        APIError(.badRequest, code: "malformed_json", message: message)
    }

    /// 404 `not_found` for a collection the caller's tenant does not have (whether or not another
    /// tenant has one of that name: the answer is the same).
    static func noCollection(_ name: String) -> APIError {
        APIError(.notFound, code: "not_found", message: "no collection '\(name)'")
    }
}
