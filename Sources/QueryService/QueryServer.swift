import Foundation
import Hummingbird
import Logging
import PipelineConfig
import ServiceLifecycle

/// `vectordb serve`: the query service over a data directory — the API (`QueryAPI`) on
/// Hummingbird, the stores (`StoreService`) and readiness (`ReadinessService`) in one
/// `ServiceGroup` that shuts down gracefully on SIGTERM or SIGINT, in reverse order: `/readyz`
/// turns 503, the server stops accepting connections and lets in-flight requests finish, then the
/// stores close.
public struct QueryServer: Sendable {
    public var settings: ServiceSettings
    public var dataDirectory: URL
    /// `--no-auth`: no API keys, one tenant over the data directory itself, loopback only.
    public var noAuth: Bool
    public var logger: Logger

    public init(settings: ServiceSettings, dataDirectory: URL, noAuth: Bool, logger: Logger) {
        self.settings = settings
        self.dataDirectory = dataDirectory
        self.noAuth = noAuth
        self.logger = logger
    }

    /// The one tenant of a `--no-auth` server: the data directory's own collections (those
    /// `vectordb run` writes), no QoS limit, admin.
    public static func localTenant(dataDirectory: URL) -> Tenant {
        Tenant(name: "local", tier: .shared, isAdmin: true, limits: .unlimited, storageRoot: dataDirectory)
    }

    /// The API and its authentication mode (`stores`: the tenants' engines, by default fresh ones).
    ///
    /// - Throws: `ServeError` (*bad input*) when keys are required and none is configured.
    public func makeAPI(
        qos: TenantQoS = TenantQoS(),
        stores: TenantStores? = nil
    ) throws(ServeError) -> (QueryAPI, AuthMiddleware.Mode) {
        let tenants: [Tenant]
        let mode: AuthMiddleware.Mode
        if noAuth {
            let local = Self.localTenant(dataDirectory: dataDirectory)
            tenants = [local]
            mode = .open(local)
        } else {
            let configured = settings.tenants.map { ($0, Tenant($0, dataDirectory: dataDirectory)) }
            let keyring = APIKeyring(tenants: configured.map { ($0.1, $0.0.keySHA256) })
            guard !keyring.isEmpty else {
                throw ServeError(
                    "no API key is configured: add [[tenant]] tables with key_sha256 to the config file, "
                        + "or start with --no-auth (loopback only)"
                )
            }
            tenants = configured.map(\.1)
            mode = .keys(keyring)
        }
        let auditPath = settings.auditLog ?? dataDirectory.appendingPathComponent("audit.log")
        let api = QueryAPI(
            stores: stores ?? TenantStores(logger: logger),
            limits: ServiceLimits(settings),
            qos: qos,
            metrics: ServiceMetrics(),
            readiness: Readiness(),
            audit: AuditLog(path: auditPath, logger: logger),
            tenants: tenants
        )
        return (api, mode)
    }

    /// Serves until SIGTERM or SIGINT, then drains and closes.
    ///
    /// - Throws: `ServeError` for a refused configuration (no keys without `--no-auth`, `--no-auth`
    ///   on a non-loopback host); the server's error when it cannot bind.
    public func run() async throws {
        if noAuth, !["127.0.0.1", "localhost", "::1"].contains(settings.host) {
            throw ServeError("--no-auth serves on loopback only; '\(settings.host)' is not 127.0.0.1, ::1 or localhost")
        }
        let (api, mode) = try makeAPI()
        let logger = self.logger
        let host = settings.host
        let app = Application(
            router: api.router(auth: mode),
            server: QueryAPI.server,
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: settings.port),
                serverName: "vectordb"
            ),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.notice(
                    "listening",
                    metadata: ["host": "\(host)", "port": "\(port)", "auth": "\(noAuth ? "off" : "on")"]
                )
            },
            logger: logger
        )
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [
                    .init(service: StoreService(api: api, logger: logger)),
                    .init(service: app),
                    .init(service: ReadinessService(readiness: api.readiness)),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        try await group.run()
        logger.notice("stopped")
    }
}
