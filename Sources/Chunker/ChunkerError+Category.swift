import SECModel

extension ChunkerError: CategorizedError {
    /// An invalid chunking setting is *bad input*.
    public var category: ErrorCategory { .badInput }
}
