import Foundation
import PipelineConfig

/// A tenant as the service holds it: its name, placement tier, rights, QoS limits and the data
/// directory that holds its collections — its own, so no path of one tenant is under another's.
public struct Tenant: Sendable, Hashable {
    public var name: String
    public var tier: TenantSettings.Tier
    public var isAdmin: Bool
    public var limits: QoSLimits
    /// `{data directory}/tenants/{name}` (or the data directory itself for the one tenant of a
    /// server started with `--no-auth`).
    public var storageRoot: URL

    public init(name: String, tier: TenantSettings.Tier, isAdmin: Bool, limits: QoSLimits, storageRoot: URL) {
        self.name = name
        self.tier = tier
        self.isAdmin = isAdmin
        self.limits = limits
        self.storageRoot = storageRoot
    }

    /// The tenant of `settings`, stored under `dataDirectory/tenants/{name}`.
    public init(_ settings: TenantSettings, dataDirectory: URL) {
        self.init(
            name: settings.name,
            tier: settings.tier,
            isAdmin: settings.isAdmin,
            limits: QoSLimits(
                ratePerSecond: settings.ratePerSecond,
                burst: settings.burst,
                concurrentQueriesMax: settings.concurrentQueriesMax
            ),
            storageRoot: dataDirectory.appendingPathComponent("tenants").appendingPathComponent(settings.name)
        )
    }
}
