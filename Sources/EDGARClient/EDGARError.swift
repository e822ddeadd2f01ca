/// A failure in the EDGAR client: decoding an EDGAR response or reaching EDGAR.
///
/// Codes: `malformedResponse` is bad input from the server or a cache file (the context names the
/// source and the field); further codes arrive with the HTTP client.
public struct EDGARError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The body is not the JSON or text format EDGAR documents for this endpoint.
        case malformedResponse
    }

    public let code: Code
    /// The URL or file the response came from.
    public let source: String
    public let message: String

    public init(code: Code, source: String, message: String) {
        self.code = code
        self.source = source
        self.message = message
    }

    public var description: String { "\(code.rawValue) in \(source): \(message)" }
}
