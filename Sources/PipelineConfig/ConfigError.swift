/// A configuration file that cannot be used, always *bad input*: a TOML syntax error, an unknown key,
/// a value of the wrong type or out of range, or a missing file.
///
/// The description reads `FILE:LINE: key 'KEY': MESSAGE`, like a compiler diagnostic.
public struct ConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case fileNotFound
        case syntax
        case unknownKey
        case invalidValue
        case missingKey
    }

    public let code: Code
    public let file: String
    /// 1-based line, when known.
    public let line: Int?
    /// The dotted key, e.g. `chunker.max_tokens`, when the error concerns one.
    public let key: String?
    public let message: String

    public init(code: Code, file: String, line: Int?, key: String?, message: String) {
        self.code = code
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let key { text += "key '\(key)': " }
        return text + message
    }
}
