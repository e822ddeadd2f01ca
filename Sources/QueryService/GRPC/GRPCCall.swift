import GRPCCore
import Logging

/// What the gRPC shell does around every call, as `RequestMiddleware` and `AuthMiddleware` do
/// around an HTTP request: a request id (the client's `x-request-id` metadata when acceptable, else
/// a fresh one, returned in the response's metadata), authentication (`authorization: Bearer KEY`,
/// the same keyring), a token of the tenant's rate limit, one log line and the call's metrics, and
/// any error turned into its gRPC status (`APIError.from`, then `APIError.rpcError`).
struct GRPCCall: Sendable {
    /// One call as the service methods see it.
    struct Scope: Sendable {
        var caller: Caller
        var requestID: String
        /// The client's deadline (`grpc-timeout`), if it sent one.
        var timeout: Duration?
        let context: ServerContext

        /// Runs `work`; when gRPC cancels the call first (the client went away or reset the
        /// stream, its deadline passed, the server is stopping), `work` is cancelled and this throws
        /// `CancellationError` (once `work` has returned).
        func cancellingOnClose<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
            let cancellation = context.cancellation
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask { try await work() }
                group.addTask {
                    try await cancellation.cancelled
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let value = first else { throw CancellationError() }
                return value
            }
        }
    }

    let auth: AuthMiddleware.Mode
    let qos: TenantQoS
    let metrics: ServiceMetrics
    let logger: Logger
    private let ids = RequestMiddleware.Counter()

    init(auth: AuthMiddleware.Mode, qos: TenantQoS, metrics: ServiceMetrics, logger: Logger) {
        self.auth = auth
        self.qos = qos
        self.metrics = metrics
        self.logger = logger
    }

    /// Answers one unary call with `body`'s message, or with the error `body` (or authentication,
    /// or the rate limit) throws.
    func run<Input: Sendable, Output: Sendable>(
        _ request: ServerRequest<Input>,
        _ context: ServerContext,
        _ body: (Scope) async throws -> Output
    ) async -> ServerResponse<Output> {
        let method = context.descriptor.method
        let requestID = Self.first("x-request-id", request.metadata).flatMap(RequestMiddleware.acceptable) ?? ids.make()
        var logger = self.logger
        logger[metadataKey: "request_id"] = .string(requestID)
        logger.debug("call started", metadata: ["method": "\(method)"])
        let started = ContinuousClock.now
        var tenant = "-"
        let response: ServerResponse<Output>
        let code: Status.Code
        do {
            guard let caller = auth.caller(authorization: Self.first("authorization", request.metadata)) else {
                throw APIError.unauthenticated
            }
            tenant = caller.tenant.name
            logger[metadataKey: "tenant"] = .string(caller.tenant.name)
            logger[metadataKey: "key_id"] = .string(caller.keyID)
            try qos.admitRequest(caller.tenant)
            let timeout = Self.first("grpc-timeout", request.metadata).flatMap(GRPCTimeout.duration)
            let message = try await body(
                Scope(caller: caller, requestID: requestID, timeout: timeout, context: context)
            )
            response = ServerResponse(message: message, metadata: ["x-request-id": "\(requestID)"])
            code = .ok
        } catch {
            let failure = APIError.from(error)
            if failure.status.code >= 500 {
                logger.error("call failed", metadata: ["error": "\(error)"])
            }
            let rpcError = failure.rpcError(requestID: requestID)
            response = ServerResponse(error: rpcError)
            code = Status.Code(rpcError.code)
        }
        let elapsed = started.duration(to: .now)
        let name = Self.canonicalNames[Int(code.rawValue)]
        metrics.recordCall(method: method, tenant: tenant, code: name, duration: elapsed)
        logger.info(
            "call",
            metadata: [
                "method": "\(method)", "code": "\(name)", "tenant": "\(tenant)",
                "ms": "\(elapsed / .milliseconds(1))",
            ]
        )
        return response
    }

    /// The first string value of `key`.
    static func first(_ key: String, _ metadata: Metadata) -> String? {
        for value in metadata[stringValues: key] { return value }
        return nil
    }

    /// The gRPC status codes' canonical names, by code number.
    static let canonicalNames = [
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
        "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
        "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
    ]
}
