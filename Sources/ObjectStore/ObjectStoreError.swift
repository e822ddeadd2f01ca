/// A failure of an object store, with what a person needs to act on it: the key, where the store
/// lives (a bucket URL or a directory), the HTTP status when there was one, and the cause.
///
/// Codes, by kind (docs/object-store.md, "Errors"):
/// - *bad input* — `invalidKey`, `badInput` (a malformed request, an unsatisfiable range, a part too
///   small), `auth` (401/403: wrong or expired credentials, a missing permission): the same call
///   fails the same way until the input or the configuration is fixed.
/// - *not found* — `notFound`: no object (or no bucket) of that name.
/// - *conflict* — `preconditionFailed` (412: put-if-absent found an object, put-if-match found another
///   ETag), `conflict` (409: a concurrent conditional write won): re-read, then decide.
/// - *transient* — `throttled` (503 SlowDown, 429), `transient` (other 5xx, timeouts, resets, bodies
///   shorter than declared), `io` (local disk: full, permissions): retrying later may succeed.
///   `S3ObjectStore` has already retried these with backoff when it throws them.
/// - *corruption* — `corruption`: stored or received bytes fail a check (a whole object whose MD5 is
///   not its ETag, an ETag record that does not fit its file).
public struct ObjectStoreError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable, CaseIterable {
        case invalidKey
        case badInput
        case notFound
        case preconditionFailed
        case conflict
        case throttled
        case transient
        case auth
        case io
        case corruption
    }

    public let code: Code
    /// The object key, or the prefix of a listing; empty when the call names no key.
    public let key: String
    /// Where the store lives: the bucket's URL (`http://127.0.0.1:5000/bucket`) or the root directory.
    public let location: String?
    /// The HTTP status of the last response, when there was one.
    public let status: Int?
    public let message: String
    /// The error this one wraps (a transport error, an `errno` failure).
    public let cause: (any Error & Sendable)?

    public init(
        code: Code,
        key: String,
        location: String? = nil,
        status: Int? = nil,
        message: String,
        cause: (any Error & Sendable)? = nil
    ) {
        self.code = code
        self.key = key
        self.location = location
        self.status = status
        self.message = message
        self.cause = cause
    }

    public var description: String {
        var text = "object '\(key)'"
        if let location { text += " in \(location)" }
        text += ": \(code.rawValue)"
        if let status { text += " (HTTP \(status))" }
        text += ": \(message)"
        if let cause { text += " [cause: \(cause)]" }
        return text
    }
}
