/// A document the parser cannot turn into text.
///
/// Every code is *bad input*: the file is empty, not HTML, not XBRL, too large, or beyond repair.
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
        /// The input is XML but neither an inline-XBRL document nor an XBRL instance.
        case notXBRL
        /// A full-submission (SGML) file lacks its `<SEC-HEADER>` or `<DOCUMENT>` structure.
        case notSubmission
    }

    public let code: Code
    /// The file path or URL of the input.
    public let source: String
    public let message: String
    /// The 1-based line in the input where the problem is, when known.
    public let line: Int?

    public init(code: Code, source: String, message: String, line: Int? = nil) {
        self.code = code
        self.source = source
        self.message = message
        self.line = line
    }

    public var description: String { line.map { "\(source):\($0): \(message)" } ?? "\(source): \(message)" }
}
