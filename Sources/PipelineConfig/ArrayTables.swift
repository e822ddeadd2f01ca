/// The elements of an array of tables (`[[field]]`), each read with errors that point at its own
/// line: keys are reported as `field[2].type`.
struct ArrayTables {
    let source: TOMLSource
    let name: String
    let elements: [[String: ConfigValue]]

    /// The array `name` of `parent` (empty when absent).
    init(_ parent: TableReader, _ name: String) throws(ConfigError) {
        source = parent.source
        // The full dotted name, as the `[[…]]` header spells it (`storage.tiered.storage_tiers`).
        self.name = parent.dotted(name)
        switch parent.entries[name] {
        case nil: elements = []
        case .array(let items)?:
            var tables: [[String: ConfigValue]] = []
            for item in items {
                guard case .table(let entries) = item else {
                    throw parent.error(
                        .invalidValue,
                        name,
                        "expected [[\(name)]] tables, found an element of type \(item.typeName)"
                    )
                }
                tables.append(entries)
            }
            elements = tables
        case let value?: throw parent.error(.invalidValue, name, "expected [[\(name)]] tables, found \(value.typeName)")
        }
    }

    func error(_ index: Int, _ code: ConfigError.Code, _ key: String?, _ message: String) -> ConfigError {
        ConfigError(
            code: code,
            file: source.file,
            line: source.line(ofKey: key, inArrayTable: name, index: index),
            key: "\(name)[\(index)]" + (key.map { ".\($0)" } ?? ""),
            message: message
        )
    }

    /// Element `index`, checked for unknown keys.
    func element(_ index: Int, keys: Set<String>) throws(ConfigError) -> Element {
        let element = Element(tables: self, index: index)
        if let unknown = element.entries.keys.sorted().first(where: { !keys.contains($0) }) {
            throw error(
                index,
                .unknownKey,
                unknown,
                "unknown key; expected one of: \(keys.sorted().joined(separator: ", "))"
            )
        }
        return element
    }

    struct Element {
        let tables: ArrayTables
        let index: Int
        var entries: [String: ConfigValue] { tables.elements[index] }

        func error(_ code: ConfigError.Code, _ key: String, _ message: String) -> ConfigError {
            tables.error(index, code, key, message)
        }

        func string(_ key: String) throws(ConfigError) -> String? {
            switch entries[key] {
            case nil: return nil
            case .string(let text)?: return text
            case let value?: throw error(.invalidValue, key, "expected a string, found \(value.typeName)")
            }
        }

        func requiredString(_ key: String) throws(ConfigError) -> String {
            guard let text = try string(key) else {
                throw tables.error(index, .missingKey, key, "required")
            }
            return text
        }

        func bool(_ key: String) throws(ConfigError) -> Bool? {
            switch entries[key] {
            case nil: return nil
            case .bool(let flag)?: return flag
            case let value?: throw error(.invalidValue, key, "expected a boolean, found \(value.typeName)")
            }
        }
    }
}
