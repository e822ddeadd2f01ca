import SECModel

extension ObjectStoreError: CategorizedError {
    /// The code's kind (see `ObjectStoreError`): `auth` counts as bad input (fix the credentials),
    /// `preconditionFailed` and `conflict` as conflicts, throttling and transport failures as
    /// unavailable (retry later).
    public var category: ErrorCategory {
        switch code {
        case .invalidKey, .badInput, .auth: .badInput
        case .notFound: .notFound
        case .preconditionFailed, .conflict: .conflict
        case .throttled, .transient, .io: .unavailable
        case .corruption: .corrupt
        }
    }

    public var underlyingError: (any Error)? { cause }

    /// Whether a later attempt of the same call may succeed (throttling, 5xx, timeouts, resets, local
    /// I/O failures).
    public var isTransient: Bool { category == .unavailable }
}
