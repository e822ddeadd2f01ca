extension ArrayTables.Element {
    func integer(_ key: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int? {
        switch entries[key] {
        case nil: return nil
        case .integer(let number)?:
            guard range.contains(number) else {
                throw error(.invalidValue, key, "\(number) is out of range \(range.lowerBound)...\(range.upperBound)")
            }
            return number
        case let value?: throw error(.invalidValue, key, "expected an integer, found \(value.typeName)")
        }
    }

    /// A float, or an integer read as one.
    func number(_ key: String) throws(ConfigError) -> Double? {
        switch entries[key] {
        case nil: return nil
        case .double(let number)?: return number
        case .integer(let number)?: return Double(number)
        case let value?: throw error(.invalidValue, key, "expected a number, found \(value.typeName)")
        }
    }

    func strings(_ key: String) throws(ConfigError) -> [String]? {
        switch entries[key] {
        case nil: return nil
        case .array(let items)?:
            var result: [String] = []
            for item in items {
                guard case .string(let text) = item else {
                    throw error(
                        .invalidValue,
                        key,
                        "expected an array of strings, found an element of type \(item.typeName)"
                    )
                }
                result.append(text)
            }
            return result
        case let value?: throw error(.invalidValue, key, "expected an array of strings, found \(value.typeName)")
        }
    }
}
