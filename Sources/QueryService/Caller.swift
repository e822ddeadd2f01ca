/// Who sent a request: the tenant its API key belongs to, and which key (never the key itself).
public struct Caller: Sendable, Hashable {
    public var tenant: Tenant
    /// `sha256:` and the first 12 hex digits of the key's hash: enough to tell keys apart in logs
    /// and the audit log, useless to authenticate.
    public var keyID: String

    public init(tenant: Tenant, keyID: String) {
        self.tenant = tenant
        self.keyID = keyID
    }
}
