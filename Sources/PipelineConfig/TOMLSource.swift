import TOMLKit

/// A parsed TOML file: its values and enough of its text to point at the line of any key.
struct TOMLSource: Sendable {
    let file: String
    let root: [String: ConfigValue]
    /// The variables `${NAME}` in string values stand for; `nil` reads strings as written.
    let environment: [String: String]?
    private let lines: [Substring]

    /// Parses TOML text.
    ///
    /// - Parameter environment: when given, `${NAME}` in string values is replaced from it
    ///   (`interpolated(_:)`).
    /// - Throws: `ConfigError.syntax` with the file, line and toml++'s message.
    init(text: String, file: String, environment: [String: String]? = nil) throws(ConfigError) {
        self.file = file
        self.environment = environment
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        do {
            let table = try TOMLTable(string: text)
            guard case .table(let entries) = ConfigValue(table) else {
                throw ConfigError(
                    code: .syntax,
                    file: file,
                    line: nil,
                    key: nil,
                    message: "the document is not a table"
                )
            }
            root = entries
        } catch let error as TOMLParseError {
            throw ConfigError(
                code: .syntax,
                file: file,
                line: error.source.begin.line,
                key: nil,
                message: "TOML syntax error: \(error.description)"
            )
        } catch let error as ConfigError {
            throw error
        } catch {
            throw ConfigError(code: .syntax, file: file, line: nil, key: nil, message: "TOML syntax error: \(error)")
        }
    }

    /// The 1-based line where the dotted key is defined (`table.key` inside `[table]`, or the `[table]`
    /// header itself), or `nil` when it cannot be located (e.g. inline tables).
    func line(of dottedKey: String) -> Int? {
        let parts = dottedKey.split(separator: ".").map(String.init)
        guard let leaf = parts.last else { return nil }
        let tablePath = parts.dropLast().joined(separator: ".")
        var currentTable = ""
        for (index, rawLine) in lines.enumerated() {
            let line = rawLine.trimmed(from: [" ", "\t", "\r"])
            if line.hasPrefix("[") {
                let header = line.drop { $0 == "[" }.prefix { $0 != "]" }.trimmed(from: [" ", "\t"])
                currentTable = header
                if header == dottedKey { return index + 1 }
                continue
            }
            guard currentTable == tablePath, let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmed(from: [" ", "\t", "\"", "'"])
            if key == leaf { return index + 1 }
        }
        return nil
    }
}

extension StringProtocol {
    func trimmed(from set: Set<Character>) -> String {
        guard let first = firstIndex(where: { !set.contains($0) }), let last = lastIndex(where: { !set.contains($0) })
        else { return "" }
        return String(self[first...last])
    }
}

extension TOMLSource {
    /// The 1-based line of `key` inside the `index`-th (0-based) `[[array]]` table, or of that
    /// table's header when the key is absent or `nil`.
    func line(ofKey key: String?, inArrayTable array: String, index: Int) -> Int? {
        var seen = -1
        var header: Int?
        for (number, rawLine) in lines.enumerated() {
            let line = rawLine.trimmed(from: [" ", "\t", "\r"])
            if line.hasPrefix("[") {
                if header != nil { break }
                if line.hasPrefix("[["),
                    line.dropFirst(2).prefix(while: { $0 != "]" }).trimmed(from: [" ", "\t"]) == array
                {
                    seen += 1
                    if seen == index { header = number + 1 }
                }
                continue
            }
            guard header != nil, let key, let equals = line.firstIndex(of: "=") else { continue }
            if line[..<equals].trimmed(from: [" ", "\t", "\"", "'"]) == key { return number + 1 }
        }
        return header
    }
}
