import GRPCCore

extension APIError {
    /// The gRPC status code of the error — beside `from(_:)`, the other half of the one error
    /// mapping: every error becomes an `APIError` there, and an `APIError` becomes a gRPC code here
    /// (docs/service.md, "gRPC"):
    ///
    /// | HTTP status and code | gRPC code |
    /// |---|---|
    /// | 400 (`bad_input`, `malformed_json`), 415 | `INVALID_ARGUMENT` |
    /// | 401 | `UNAUTHENTICATED` |
    /// | 403 | `PERMISSION_DENIED` |
    /// | 404 | `NOT_FOUND` |
    /// | 409 | `ALREADY_EXISTS` |
    /// | 413, 429 (`rate_limited`, `too_many_queries`) | `RESOURCE_EXHAUSTED` |
    /// | 500 `corruption` | `DATA_LOSS` |
    /// | 500 `internal` | `INTERNAL` |
    /// | 503 `cancelled` | `CANCELLED` |
    /// | 503 (`unavailable`, `not_ready`) | `UNAVAILABLE` |
    /// | 504 | `DEADLINE_EXCEEDED` |
    /// | any other | `UNKNOWN` |
    public var rpcCode: RPCError.Code {
        switch (status.code, code) {
        case (400, _), (415, _): .invalidArgument
        case (401, _): .unauthenticated
        case (403, _): .permissionDenied
        case (404, _): .notFound
        case (409, _): .alreadyExists
        case (413, _), (429, _): .resourceExhausted
        case (500, "corruption"): .dataLoss
        case (500, _): .internalError
        case (503, "cancelled"): .cancelled
        case (503, _): .unavailable
        case (504, _): .deadlineExceeded
        default: .unknown
        }
    }

    /// The gRPC error of a call: `rpcCode`, the message, and trailers `error-code` (the HTTP
    /// API's `error.code`), `retry-after` (whole seconds, when set) and `x-request-id`.
    func rpcError(requestID: String) -> RPCError {
        var metadata: Metadata = ["error-code": "\(code)", "x-request-id": "\(requestID)"]
        if let retryAfterSeconds { metadata.addString(String(retryAfterSeconds), forKey: "retry-after") }
        return RPCError(code: rpcCode, message: message, metadata: metadata)
    }
}
