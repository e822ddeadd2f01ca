import SECModel

extension StoreError: CategorizedError {
    /// `io` is *unavailable* (retry may help), `corruption` is *corrupt*; the others are their namesakes.
    public var category: ErrorCategory {
        switch code {
        case .notFound: .notFound
        case .badInput: .badInput
        case .corruption: .corrupt
        case .io: .unavailable
        case .conflict: .conflict
        case .internal: .internal
        }
    }
}
