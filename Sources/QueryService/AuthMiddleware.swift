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
        let caller: Caller
        switch mode {
        case .open(let tenant):
            caller = Caller(tenant: tenant, keyID: "none")
        case .keys(let keyring):
            guard let header = request.headers[.authorization], header.hasPrefix("Bearer "),
                let found = keyring.caller(presenting: String(header.dropFirst("Bearer ".count)))
            else {
                var response = APIError(
                    .unauthorized,
                    code: "unauthorized",
                    message: "send a valid API key as Authorization: Bearer KEY"
                ).response()
                response.headers[.wwwAuthenticate] = "Bearer"
                return response
            }
            caller = found
        }
        context.caller = caller
        context.trace.tenant = caller.tenant.name
        context.logger[metadataKey: "tenant"] = .string(caller.tenant.name)
        context.logger[metadataKey: "key_id"] = .string(caller.keyID)
        try qos.admitRequest(caller.tenant)
        return try await next(request, context)
    }
}
