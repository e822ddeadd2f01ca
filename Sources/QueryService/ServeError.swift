import SECModel

/// A server configuration `vectordb serve` refuses to start with (*bad input*).
public struct ServeError: CategorizedError {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var category: ErrorCategory { .badInput }
    public var description: String { message }
}
