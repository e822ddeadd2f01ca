import Foundation

/// The query service's configuration file (`config/vectordb.toml`): the `[server]` table — address,
/// data directory, request bounds, query deadline, audit log — and one `[[tenant]]` table per
/// tenant with its API-key hashes and QoS limits (docs/service.md).
///
/// Command-line flags (`--host`, `--port`, `--data-dir`, `--no-auth`) override the file.
public struct ServiceSettings: Sendable, Hashable {
    /// The address to bind (default `127.0.0.1`: loopback only).
    public var host = "127.0.0.1"
    /// The TCP port, `0` for any free one (the server logs the one it bound).
    public var port = 8080
    /// The data directory; a relative `data_dir` resolves against the file's directory. `nil`: the
    /// CLI's default (`./data` or `$VECTORDB_DATA_DIR`).
    public var dataDirectory: URL?
    /// The audit log (JSON lines); `nil`: `{data directory}/audit.log`. Relative paths resolve like
    /// `data_dir`.
    public var auditLog: URL?
    /// Largest request body accepted, in bytes (413 above).
    public var bodyBytesMax = 8 << 20
    /// Most documents in one upsert request.
    public var batchDocumentsMax = 1_000
    /// Largest `k` of a search.
    public var kMax = 100
    /// Deepest nesting of a search filter (`and`/`or`/`not` levels).
    public var filterDepthMax = 8
    /// Most conditions in one search filter, over all levels.
    public var filterConditionsMax = 64
    /// Longest search query, in bytes of UTF-8.
    public var queryBytesMax = 2_048
    /// A search still running after this many milliseconds is cancelled and answered 504.
    public var queryTimeoutMs = 10_000
    /// The tenants, in file order.
    public var tenants: [TenantSettings] = []

    public init() {}
}
