import SECModel

extension EmbeddingError: CategorizedError {
    /// `transient` is *unavailable*, `corruption` *corrupt*; `permanent` is *not found* when it names
    /// a model file (missing or unreadable), else *bad input* (a refused request, a wrong model).
    public var category: ErrorCategory {
        switch code {
        case .badInput: .badInput
        case .transient: .unavailable
        case .permanent: file == nil ? .badInput : .notFound
        case .corruption: .corrupt
        }
    }
}
