/// Everything the EDGAR client needs; validated once, before any request.
///
/// Configuration keys (README "Fetching from EDGAR"; set by `vectordb fetch` flags and the environment):
/// `user_agent` (`--user-agent`, `VECTORDB_EDGAR_USER_AGENT`), `www_base_url` (`--www-base-url`),
/// `data_base_url` (`--data-base-url`), `rate` (`--rate`, requests per second, default 8, max 10),
/// `cool_down_seconds` (`--cool-down-seconds`, default 600), `attempts_max` (`--attempts-max`, default 5),
/// `body_bytes_max` (`--body-bytes-max`, default 512 MiB), and `efts_base_url`; `vectordb fetch --config FILE`
/// reads them from an `[edgar]` table (`PipelineConfig.EDGARSettings`).
public struct EDGARClientConfiguration: Sendable {
    /// The highest rate the SEC allows, in requests per second.
    public static let rateMax: Double = 10
    public static let rateDefault: Double = 8

    public var userAgent: UserAgent
    /// Base of `www.sec.gov` URLs (`/Archives/...`, `/files/...`, `/cgi-bin/...`), no trailing slash.
    public var wwwBaseURL: String
    /// Base of `data.sec.gov` URLs (`/submissions/...`, `/api/xbrl/...`).
    public var dataBaseURL: String
    /// Base of `efts.sec.gov` URLs (`/LATEST/search-index`).
    public var eftsBaseURL: String
    /// Requests per second across the whole process, `0 < rate <= 10`.
    public var ratePerSecond: Double
    public var retry: RetryPolicy
    /// Deadline of one request, connection and whole body included.
    public var requestTimeout: Duration
    /// Largest body accepted, in bytes (decompressed). Larger bodies fail with `bodyTooLarge`.
    public var bodyBytesMax: Int
    /// Seeds the backoff jitter; fixed in tests so schedules replay.
    public var randomSeed: UInt64

    /// - Throws: `EDGARError.invalidInput` for a rate outside `0 < rate <= 10`, a non-positive size cap
    ///   or a base URL that is not `http(s)://host[:port]`.
    public init(
        userAgent: UserAgent,
        wwwBaseURL: String = "https://www.sec.gov",
        dataBaseURL: String = "https://data.sec.gov",
        eftsBaseURL: String = "https://efts.sec.gov",
        ratePerSecond: Double = EDGARClientConfiguration.rateDefault,
        retry: RetryPolicy = RetryPolicy(),
        requestTimeout: Duration = .seconds(120),
        bodyBytesMax: Int = 512 * 1024 * 1024,
        randomSeed: UInt64 = 0x5EC_ED6A
    ) throws(EDGARError) {
        guard ratePerSecond > 0, ratePerSecond <= Self.rateMax else {
            throw EDGARError(
                code: .invalidInput,
                source: "rate",
                message: "rate \(ratePerSecond) req/s is outside 0 < rate <= \(Self.rateMax) (SEC fair-access limit)"
            )
        }
        guard bodyBytesMax > 0 else {
            throw EDGARError(code: .invalidInput, source: "body_bytes_max", message: "must be positive")
        }
        self.userAgent = userAgent
        self.wwwBaseURL = try Self.validatedBase(wwwBaseURL, key: "www_base_url")
        self.dataBaseURL = try Self.validatedBase(dataBaseURL, key: "data_base_url")
        self.eftsBaseURL = try Self.validatedBase(eftsBaseURL, key: "efts_base_url")
        self.ratePerSecond = ratePerSecond
        self.retry = retry
        self.requestTimeout = requestTimeout
        self.bodyBytesMax = bodyBytesMax
        self.randomSeed = randomSeed
    }

    static func validatedBase(_ text: String, key: String) throws(EDGARError) -> String {
        var base = text
        while base.hasSuffix("/") { base.removeLast() }
        let lower = base.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"),
            !base.contains(" "), !base.contains("?"), !base.contains("#"),
            base.split(separator: "/", omittingEmptySubsequences: false).count >= 3
        else {
            throw EDGARError(code: .invalidInput, source: key, message: "'\(text)' is not an http(s) base URL")
        }
        return base
    }
}
