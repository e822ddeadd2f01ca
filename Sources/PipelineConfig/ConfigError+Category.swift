import SECModel

extension ConfigError: CategorizedError {
    /// `fileNotFound` is *not found*; every other code is *bad input*.
    public var category: ErrorCategory { code == .fileNotFound ? .notFound : .badInput }
}
