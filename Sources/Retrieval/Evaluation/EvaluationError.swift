/// A failure of `vectordb eval`'s inputs: the question file (with its line) or a question's filter.
public struct EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case notFound
        case badInput
    }

    public var code: Code
    public var message: String
    public var file: String?
    /// 1-based line in `file`.
    public var line: Int?

    public init(code: Code, message: String, file: String? = nil, line: Int? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
    }

    public var description: String {
        let place = [file, line.map { "line \($0)" }].compactMap { $0 }.joined(separator: ", ")
        return place.isEmpty ? message : "\(place): \(message)"
    }
}
