import SECModel

extension EDGARError: CategorizedError {
    /// The documented classification of each code: *transient* codes are *unavailable*; an HTTP 404
    /// is *not found*; a damaged cache file is *corrupt*; the rest are *bad input*.
    public var category: ErrorCategory {
        switch code {
        case .malformedResponse, .invalidInput, .missingUserAgent, .bodyTooLarge: .badInput
        case .httpStatus: status == 404 || status == 410 ? .notFound : .badInput
        case .throttled, .retriesExhausted, .cancelled, .io: .unavailable
        case .cacheCorrupted: .corrupt
        }
    }
}
