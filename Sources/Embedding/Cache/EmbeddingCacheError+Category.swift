import SECModel

extension EmbeddingCacheError: CategorizedError {
    /// `io` and `busy` are *unavailable* (retry may help), `corruption` *corrupt*, `badInput` *bad input*.
    public var category: ErrorCategory {
        switch code {
        case .io, .busy: .unavailable
        case .corruption: .corrupt
        case .badInput: .badInput
        }
    }
}
