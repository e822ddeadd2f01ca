import SECModel

extension ParquetError: CategorizedError {
    /// `badInput` and `unsupported` are *bad input* (the caller's values, or a file from another
    /// writer); `corruption` is *corrupt*.
    public var category: ErrorCategory {
        switch code {
        case .badInput, .unsupported: .badInput
        case .corruption: .corrupt
        }
    }
}
