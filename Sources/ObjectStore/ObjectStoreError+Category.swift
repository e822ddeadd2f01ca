import SECModel

extension ObjectStoreError: CategorizedError {
    /// `invalidKey` is *bad input*; `io` is *unavailable* (disk full, permissions: retry may help).
    public var category: ErrorCategory { code == .invalidKey ? .badInput : .unavailable }
}
