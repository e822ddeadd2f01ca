import SECModel

extension EvaluationError: CategorizedError {
    /// A missing question file is *not found*; a malformed line or filter is *bad input*.
    public var category: ErrorCategory {
        switch code {
        case .notFound: .notFound
        case .badInput: .badInput
        }
    }
}
