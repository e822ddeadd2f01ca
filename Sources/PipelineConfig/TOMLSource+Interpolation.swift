extension TOMLSource {
    /// `text` with every `${NAME}` replaced by the environment variable `NAME`, and `${NAME:-word}`
    /// by `NAME` when it is set and not empty, else by `word` (no nesting). `$${` stands for a
    /// literal `${`. A source read without an environment returns `text` unchanged.
    ///
    /// - Returns: the text, or the problem (the caller adds file, line and key): an unset variable
    ///   without a default, an unterminated `${`, or a name that is not `[A-Za-z_][A-Za-z0-9_]*`.
    func interpolated(_ text: String) -> Result<String, InterpolationProblem> {
        guard let environment, text.contains("${") else { return .success(text) }
        var result = ""
        var rest = text[...]
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            let after = rest[dollar...].dropFirst()
            if after.hasPrefix("${") {
                result += "${"
                rest = after.dropFirst(2)
                continue
            }
            guard after.hasPrefix("{") else {
                result += "$"
                rest = after
                continue
            }
            guard let close = after.firstIndex(of: "}") else {
                return .failure(InterpolationProblem(message: "unterminated '${' in '\(text)'"))
            }
            let body = after[after.index(after: after.startIndex)..<close]
            let (name, fallback) = Self.split(body)
            guard Self.isVariableName(name) else {
                return .failure(InterpolationProblem(message: "'${\(body)}' does not name an environment variable"))
            }
            if let value = environment[String(name)], !(fallback != nil && value.isEmpty) {
                result += value
            } else if let fallback {
                result += fallback
            } else {
                return .failure(
                    InterpolationProblem(
                        message: "environment variable \(name) is not set (write ${\(name):-default} for a default)"
                    )
                )
            }
            rest = after[after.index(after: close)...]
        }
        return .success(result + rest)
    }

    /// `NAME` and the default of `NAME:-default`.
    private static func split(_ body: Substring) -> (Substring, Substring?) {
        guard let range = body.range(of: ":-") else { return (body, nil) }
        return (body[..<range.lowerBound], body[range.upperBound...])
    }

    private static func isVariableName(_ name: Substring) -> Bool {
        guard let first = name.first, first == "_" || (first.isASCII && first.isLetter) else { return false }
        return name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
    }
}

/// Why a `${…}` reference could not be replaced.
struct InterpolationProblem: Error {
    let message: String
}
