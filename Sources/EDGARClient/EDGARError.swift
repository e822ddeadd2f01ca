/// A failure in the EDGAR client: decoding an EDGAR response, reaching EDGAR, or the raw cache.
///
/// Every code is classified as *bad input* (the caller or the server sent something invalid; retrying
/// does not help), *transient* (retrying later may succeed) or *corruption* (persisted bytes failed a
/// check). `source` is always the URL or the file the failure concerns, so a person can reproduce it.
public struct EDGARError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// *Bad input*: the body is not the JSON, XML or text format EDGAR documents for this endpoint.
        case malformedResponse
        /// *Bad input*: a CIK, accession number, file name, date or option that the client refuses to
        /// place in a URL or a path.
        case invalidInput
        /// *Bad input*: no User-Agent of the form `Company Name contact@domain` is configured; raised
        /// before any request is made.
        case missingUserAgent
        /// *Bad input*: EDGAR answered with a status that retrying cannot fix (404, 400, …).
        case httpStatus
        /// *Transient*: EDGAR throttled the client (429, 403, or the "Request Rate Threshold Exceeded"
        /// page) and the request was abandoned because throttling persisted past the attempt budget.
        case throttled
        /// *Transient*: 5xx, timeouts, connection resets or truncated bodies persisted through every
        /// allowed attempt.
        case retriesExhausted
        /// *Bad input*: the body exceeded the configured size cap.
        case bodyTooLarge
        /// *Corruption*: a cache file failed its checksum, length or decompression check.
        case cacheCorrupted
        /// *Transient*: the task was cancelled (Ctrl-C); nothing partial was stored.
        case cancelled
        /// *Transient*: reading or writing the cache directory failed (disk full, permissions).
        case io
    }

    public let code: Code
    /// The URL or file the failure concerns.
    public let source: String
    public let message: String
    /// The HTTP status of the last response, when there was one.
    public let status: Int?
    /// A description of the underlying error (NIO, Foundation, POSIX), when there was one.
    public let cause: String?

    public init(code: Code, source: String, message: String, status: Int? = nil, cause: String? = nil) {
        self.code = code
        self.source = source
        self.message = message
        self.status = status
        self.cause = cause
    }

    public var description: String {
        var text = "\(code.rawValue) in \(source): \(message)"
        if let status { text += " (HTTP \(status))" }
        if let cause { text += " [cause: \(cause)]" }
        return text
    }
}
