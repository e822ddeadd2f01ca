import Hummingbird
import Logging

/// What the service knows about a request while it is handled: the caller the `Authorization`
/// header authenticated (set by `AuthMiddleware`; `nil` on the routes without authentication) and
/// the request id (in the logger's metadata as `request_id`, echoed in `X-Request-Id`).
public struct ServiceRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var caller: Caller?
    public var requestID: String
    /// Shared with the outer middleware (which logs the tenant).
    let trace = RequestTrace()
    /// The request's connection, to cancel a search whose client went away.
    let connection: ConnectionWatch

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        connection = ConnectionWatch.of(source.channel)
        caller = nil
        requestID = ""
    }

    /// The authenticated caller.
    ///
    /// - Throws: `APIError` 401 when the route was reached without one (a routing bug).
    func requireCaller() throws(APIError) -> Caller {
        guard let caller else {
            throw APIError(.unauthorized, code: "unauthorized", message: "this route needs an API key")
        }
        return caller
    }
}
