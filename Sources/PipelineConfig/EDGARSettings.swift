import Foundation

/// The `[edgar]` table of a configuration file such as `config/edgar.toml`: how `vectordb fetch`
/// reaches EDGAR. Every key is optional; an absent key is `nil`, so the caller can apply the
/// precedence flag > environment > file > default (README "Fetching from EDGAR").
///
/// Values are checked for type and range here, with `FILE:LINE: key 'edgar.KEY'` errors; rules that
/// belong to the EDGAR client (the User-Agent's shape) are checked by the caller, which reports them
/// with `error(_:_:)` so they point at the same file and line.
public struct EDGARSettings: Sendable, Hashable {
    /// The file the settings were read from.
    public var file: String
    /// `user_agent`: `Company Name contact@domain`.
    public var userAgent: String?
    /// `rate`: requests per second, `0 < rate <= 10`.
    public var rate: Double?
    /// `www_base_url`, `data_base_url`, `efts_base_url`: `http(s)://host[:port]` bases.
    public var wwwBaseURL: String?
    public var dataBaseURL: String?
    public var eftsBaseURL: String?
    /// `cache_dir`: the raw cache, resolved against the file's directory when relative.
    public var cacheDirectory: URL?
    /// `cool_down_seconds`: pause after a throttle, 0...86400.
    public var coolDownSeconds: Int?
    /// `attempts_max`: attempts per request on transient failures, 1...100.
    public var attemptsMax: Int?
    /// `body_bytes_max`: largest body accepted, 1 KiB...64 GiB.
    public var bodyBytesMax: Int?
    /// `concurrency`: filings fetched at once, 1...16.
    public var concurrency: Int?

    /// Line of each key present, for errors raised after loading.
    var lines: [String: Int] = [:]

    static let keys: Set<String> = [
        "user_agent", "rate", "www_base_url", "data_base_url", "efts_base_url", "cache_dir", "cool_down_seconds",
        "attempts_max", "body_bytes_max", "concurrency",
    ]

    public init(file: String) { self.file = file }

    /// A `ConfigError` pointing at `edgar.KEY` in this file, for a value the caller rejected.
    public func error(_ key: String, _ message: String) -> ConfigError {
        ConfigError(code: .invalidValue, file: file, line: lines[key], key: "edgar.\(key)", message: message)
    }
}
