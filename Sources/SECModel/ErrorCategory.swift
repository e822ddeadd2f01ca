/// What a failure means for whoever met it: whose move it is, and whether trying again can help.
///
/// Every module's error maps its codes onto these six (`CategorizedError.category`); the CLI maps
/// them onto exit statuses (docs/cli.md, "Exit statuses") and the query service will map them onto
/// HTTP statuses, each in one place.
public enum ErrorCategory: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The caller's input is wrong (a malformed file, a value out of range, a schema violation):
    /// the same input fails the same way; fix it.
    case badInput
    /// Something named does not exist: a file, a collection, a version, a model directory.
    case notFound
    /// The request does not fit the current state of what it names: a collection that exists with
    /// another embedding model or dimension, a collection another process is writing, one closed.
    case conflict
    /// An environmental or transient failure (disk full, permissions, a network error, throttling,
    /// a race with another process): retrying later may succeed.
    case unavailable
    /// Persisted bytes fail a check (checksum, framing, decompression): restore or rebuild them.
    case corrupt
    /// A broken invariant of the program itself (a bug): report it.
    case `internal`

    /// `true` only for `unavailable`: the one category where the same request may succeed later.
    public var retryMayHelp: Bool { self == .unavailable }

    /// The category of any error: its own for a `CategorizedError`, `unavailable` for a
    /// cancellation, `badInput` for a decoding error, otherwise `internal`.
    public init(of error: any Error) {
        switch error {
        case let categorized as any CategorizedError: self = categorized.category
        case is CancellationError: self = .unavailable
        case is DecodingError: self = .badInput
        default: self = .internal
        }
    }

    public var description: String {
        switch self {
        case .badInput: "bad input"
        case .notFound: "not found"
        case .conflict: "conflict"
        case .unavailable: "unavailable (retry may help)"
        case .corrupt: "corrupt"
        case .internal: "internal error"
        }
    }
}
