/// Reads typed values out of one TOML table, remembering which keys it was asked for, so that every
/// other key can be reported as unknown with its line.
struct TableReader {
    let source: TOMLSource
    /// Dotted path of this table, `""` for the root.
    let path: String
    let entries: [String: ConfigValue]

    func dotted(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func error(_ code: ConfigError.Code, _ key: String, _ message: String) -> ConfigError {
        ConfigError(
            code: code,
            file: source.file,
            line: source.line(of: dotted(key)),
            key: dotted(key),
            message: message
        )
    }

    func string(_ key: String) throws(ConfigError) -> String? {
        guard let value = entries[key] else { return nil }
        guard case .string(let text) = value else {
            throw error(.invalidValue, key, "expected a string, found \(value.typeName)")
        }
        return try interpolated(text, key: key)
    }

    /// `text` with its `${NAME}` references replaced (`TOMLSource.interpolated`).
    private func interpolated(_ text: String, key: String) throws(ConfigError) -> String {
        switch source.interpolated(text) {
        case .success(let result): return result
        case .failure(let problem): throw error(.invalidValue, key, problem.message)
        }
    }

    func integer(_ key: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int? {
        guard let value = entries[key] else { return nil }
        guard case .integer(let number) = value else {
            throw error(.invalidValue, key, "expected an integer, found \(value.typeName)")
        }
        guard range.contains(number) else {
            throw error(.invalidValue, key, "\(number) is out of range \(range.lowerBound)...\(range.upperBound)")
        }
        return number
    }

    func bool(_ key: String) throws(ConfigError) -> Bool? {
        guard let value = entries[key] else { return nil }
        guard case .bool(let flag) = value else {
            throw error(.invalidValue, key, "expected a boolean (true or false), found \(value.typeName)")
        }
        return flag
    }

    /// A float, or an integer read as one (`rate = 8` and `rate = 8.0` both work).
    func number(_ key: String) throws(ConfigError) -> Double? {
        switch entries[key] {
        case nil: return nil
        case .double(let number): return number
        case .integer(let number): return Double(number)
        case let value?: throw error(.invalidValue, key, "expected a number, found \(value.typeName)")
        }
    }

    func strings(_ key: String) throws(ConfigError) -> [String]? {
        guard let value = entries[key] else { return nil }
        guard case .array(let items) = value else {
            throw error(.invalidValue, key, "expected an array of strings, found \(value.typeName)")
        }
        var result: [String] = []
        for item in items {
            guard case .string(let text) = item else {
                throw error(
                    .invalidValue,
                    key,
                    "expected an array of strings, found an element of type \(item.typeName)"
                )
            }
            result.append(try interpolated(text, key: key))
        }
        return result
    }

    func integers(_ key: String) throws(ConfigError) -> [Int]? {
        guard let value = entries[key] else { return nil }
        guard case .array(let items) = value else {
            throw error(.invalidValue, key, "expected an array of integers, found \(value.typeName)")
        }
        var result: [Int] = []
        for item in items {
            guard case .integer(let number) = item else {
                throw error(
                    .invalidValue,
                    key,
                    "expected an array of integers, found an element of type \(item.typeName)"
                )
            }
            result.append(number)
        }
        return result
    }

    /// A sub-table reader, or `nil` when the key is absent.
    func table(_ key: String) throws(ConfigError) -> TableReader? {
        guard let value = entries[key] else { return nil }
        guard case .table(let child) = value else {
            throw error(.invalidValue, key, "expected a table, found \(value.typeName)")
        }
        return TableReader(source: source, path: dotted(key), entries: child)
    }

    /// Throws for the first key (in sorted order) that is not in `known`.
    func rejectUnknownKeys(_ known: Set<String>) throws(ConfigError) {
        guard let unknown = entries.keys.sorted().first(where: { !known.contains($0) }) else { return }
        let expected = known.sorted().joined(separator: ", ")
        throw error(.unknownKey, unknown, "unknown key; expected one of: \(expected)")
    }
}
