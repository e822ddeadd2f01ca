import Hummingbird
import NIOCore
import PipelineConfig
import SECModel
import VectorStore

extension APIError {
    /// The API's answer to any error a handler or middleware throws — the one mapping from the
    /// store's error codes (and every other module's error categories) to HTTP statuses:
    ///
    /// | error | status | code |
    /// |---|---|---|
    /// | `APIError` | its own | its own |
    /// | `StoreError` `.badInput` / `.notFound` / `.conflict` | 400 / 404 / 409 | `bad_input` / `not_found` / `conflict` |
    /// | `StoreError` `.io` | 503 | `unavailable` |
    /// | `StoreError` `.corruption` / `.internal` | 500 | `corruption` / `internal` |
    /// | another `CategorizedError` | by `ErrorCategory`, as the rows above | |
    /// | a body over the limit (`NIOTooManyBytesError`) | 413 | `payload_too_large` |
    /// | `DecodingError` | 400 | `malformed_json` |
    /// | `CancellationError` | 503 | `cancelled` |
    /// | Hummingbird's `HTTPError` (no route, wrong method) | its status | `no_route`, `method_not_allowed`, … |
    /// | anything else | 500 | `internal` |
    public static func from(_ error: any Error) -> APIError {
        switch error {
        case let api as APIError:
            return api
        case let store as StoreError:
            return APIError(status(store.category), code: storeCode(store.code), message: store.description)
        case is NIOTooManyBytesError:
            return APIError(.contentTooLarge, code: "payload_too_large", message: "the request body is too large")
        case let decoding as DecodingError:
            return .malformedJSON(JSONBody.reason(decoding))
        case is CancellationError:
            return APIError(.serviceUnavailable, code: "cancelled", message: "the request was cancelled")
        case let http as HTTPError:
            return APIError(http.status, code: httpCode(http.status), message: http.body ?? http.status.reasonPhrase)
        case let categorized as any CategorizedError:
            let category = categorized.category
            return APIError(status(category), code: categoryCode(category), message: categorized.description)
        default:
            return APIError(.internalServerError, code: "internal", message: "internal error")
        }
    }

    private static func status(_ category: ErrorCategory) -> HTTPResponse.Status {
        switch category {
        case .badInput: .badRequest
        case .notFound: .notFound
        case .conflict: .conflict
        case .unavailable: .serviceUnavailable
        case .corrupt, .internal: .internalServerError
        }
    }

    private static func storeCode(_ code: StoreError.Code) -> String {
        switch code {
        case .notFound: "not_found"
        case .badInput: "bad_input"
        case .conflict: "conflict"
        case .io: "unavailable"
        case .corruption: "corruption"
        case .internal: "internal"
        }
    }

    private static func categoryCode(_ category: ErrorCategory) -> String {
        switch category {
        case .badInput: "bad_input"
        case .notFound: "not_found"
        case .conflict: "conflict"
        case .unavailable: "unavailable"
        case .corrupt: "corruption"
        case .internal: "internal"
        }
    }

    private static func httpCode(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 404: "no_route"
        case 405: "method_not_allowed"
        case 413: "payload_too_large"
        case 400: "bad_input"
        default: "http_\(status.code)"
        }
    }
}
