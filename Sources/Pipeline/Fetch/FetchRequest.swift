import Foundation

/// What a caller asks `FetchPlan` to fetch, as given (flags of `vectordb fetch`, or a service's
/// request): every value unvalidated, `nil` for "not given" so the `[edgar]` settings and the
/// defaults apply.
public struct FetchRequest: Sendable {
    public var ciks: [String] = []
    public var tickers: [String] = []
    public var forms: [String] = []
    public var includeAmendments = false
    /// `YYYY-MM-DD`, inclusive.
    public var since: String?
    public var until: String?
    public var limit: Int?
    /// `YYYY-MM-DD[..YYYY-MM-DD]`.
    public var daily: String?
    /// The raw cache directory; `nil` means `[edgar] cache_dir`, else `<dataRoot>/edgar-cache`.
    public var cache: String?
    public var dataRoot: URL
    public var wwwBaseURL: String?
    public var dataBaseURL: String?
    public var userAgent: String?
    /// Requests per second.
    public var rate: Double?
    public var concurrency: Int?
    public var coolDownSeconds: Int?
    public var attemptsMax: Int?
    /// Largest document accepted, in bytes after decompression.
    public var bodyBytesMax: Int?

    public init(dataRoot: URL) { self.dataRoot = dataRoot }
}
