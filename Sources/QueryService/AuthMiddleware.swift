import Hummingbird

/// Authenticates every request but the public routes (`/healthz`, `/readyz`, `/openapi.yaml`, and
/// `/` with its static files): `Authorization: Bearer KEY` must present a configured key (401
/// `unauthorized` otherwise, with `WWW-Authenticate: Bearer`); the caller's tenant then takes a
/// token of its rate limit (429 `rate_limited`). A server started with `--no-auth` has one tenant,
/// and every request is its.
public struct AuthMiddleware: RouterMiddleware {
    public typealias Context = ServiceRequestContext

    public enum Mode: Sendable {
        case keys(APIKeyring)
        /// `--no-auth`: every request is this tenant's.
        case open(Tenant)

        /// The caller an `Authorization` header (HTTP) or `authorization` metadata value (gRPC)
        /// authenticates — `Bearer KEY` with a configured key — or `nil`; every caller is the one
        /// tenant's in `open` mode.
        public func caller(authorization: String?) -> Caller? {
            switch self {
            case .open(let tenant):
                return Caller(tenant: tenant, keyID: "none")
            case .keys(let keyring):
                guard let authorization, authorization.hasPrefix("Bearer ") else { return nil }
                return keyring.caller(presenting: String(authorization.dropFirst("Bearer ".count)))
            }
        }
    }

    let mode: Mode
    let qos: TenantQoS

    static let publicPaths: Set<String> = ["/healthz", "/readyz", "/openapi.yaml", "/"]

    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        if Self.publicPaths.contains(path) || path.hasPrefix("/static/") { return try await next(request, context) }
        var context = context
        guard let caller = mode.caller(authorization: request.headers[.authorization]) else {
            var response = APIError.unauthenticated.response()
            response.headers[.wwwAuthenticate] = "Bearer"
            return response
        }
        context.caller = caller
        context.trace.tenant = caller.tenant.name
        context.logger[metadataKey: "tenant"] = .string(caller.tenant.name)
        context.logger[metadataKey: "key_id"] = .string(caller.keyID)
        try qos.admitRequest(caller.tenant)
        return try await next(request, context)
    }
}
