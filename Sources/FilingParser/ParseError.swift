/// A document the parser cannot turn into text.
///
/// Every code is *bad input*: the file is empty, not HTML, too large, or beyond repair.
public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The input has no bytes, or only whitespace.
        case empty
        /// The input is binary or holds no HTML markup.
        case notHTML
        /// The input exceeds the parser's size limit.
        case tooLarge
        /// libxml2 could not build any document tree from the input.
        case malformed
    }

    public let code: Code
    /// The file path or URL of the input.
    public let source: String
    public let message: String

    public init(code: Code, source: String, message: String) {
        self.code = code
        self.source = source
        self.message = message
    }

    public var description: String { "\(source): \(message)" }
}
