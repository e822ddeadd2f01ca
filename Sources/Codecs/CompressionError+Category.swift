import SECModel

extension CompressionError: CategorizedError {
    /// `corruptInput` is *corrupt*, `tooLarge` *bad input*, `compressFailed` *internal*.
    public var category: ErrorCategory {
        switch code {
        case .compressFailed: .internal
        case .corruptInput: .corrupt
        case .tooLarge: .badInput
        }
    }
}
