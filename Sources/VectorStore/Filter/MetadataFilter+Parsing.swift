extension MetadataFilter {
    /// Parses the CLI form `KEY OP VALUE` against a schema: `=` (equality; `a|b|c` for any of
    /// several values), `!=`, `>=`, `<=`, `>`, `<` (ranges on numbers and dates), `^=` (string
    /// prefix). The value is parsed as the field's type (dates `YYYY-MM-DD`). A key the schema lacks
    /// is looked up in `aliases` (the SEC schema's: `year` → `fiscal_year`, `ticker` → `tickers`).
    ///
    /// - Throws: `StoreError.badInput` naming the expression: no operator, an unknown key (with the
    ///   schema's keys), a value that is not of the field's type, an operator the type lacks.
    public init(
        parsing expression: String,
        schema: CollectionSchema,
        aliases: [String: String] = [:]
    ) throws(StoreError) {
        let operators = ["!=", ">=", "<=", "^=", ">", "<", "="]
        guard let split = expression.firstIndex(where: { "<>=!^".contains($0) }) else {
            throw StoreError(code: .badInput, message: "filter '\(expression)' must be KEY=VALUE (or KEY>=VALUE, …)")
        }
        let rest = expression[split...]
        guard let op = operators.first(where: { rest.hasPrefix($0) }) else {
            throw StoreError(code: .badInput, message: "filter '\(expression)': unknown operator")
        }
        let rawKey = expression[..<split].trimmingSpaces().lowercased()
        let key = schema.ordinal(of: rawKey) == nil ? aliases[rawKey] ?? rawKey : rawKey
        let text = String(rest.dropFirst(op.count)).trimmingSpaces()
        let type: FieldType
        if key == schema.primaryKey {
            type = .string
        } else if let ordinal = schema.ordinal(of: key) {
            type = schema.fields[ordinal].type
        } else {
            let known = ([schema.primaryKey] + schema.fields.map(\.name)).joined(separator: ", ")
            throw .violation(
                .unknownField,
                "filter '\(expression)': unknown key '\(key)'; use one of \(known)",
                field: key
            )
        }
        guard !text.isEmpty else { throw StoreError(code: .badInput, message: "filter '\(expression)': empty value") }
        // An element of a string array is compared as a string.
        let valueType: FieldType = type == .stringArray ? .string : type
        func value(_ text: String) throws(StoreError) -> FieldValue {
            guard let value = FieldValue(parsing: text, as: valueType) else {
                throw .violation(
                    .wrongType,
                    "filter '\(expression)': '\(text)' is not a \(valueType.rawValue)",
                    field: key
                )
            }
            return value
        }
        switch op {
        case "=":
            let parts = text.split(separator: "|").map(String.init)
            if parts.count > 1 {
                var values: [FieldValue] = []
                for part in parts { values.append(try value(part)) }
                self = .oneOf(field: key, values)
            } else {
                self = .equals(field: key, try value(text))
            }
        case "!=": self = .not(.equals(field: key, try value(text)))
        case "^=":
            guard valueType == .string else {
                throw .violation(.wrongType, "filter '\(expression)': prefix needs a string field", field: key)
            }
            self = .prefix(field: key, text)
        default:
            guard type.isOrdered else {
                throw .violation(
                    .wrongType,
                    "filter '\(expression)': ranges need an int64, double or date field",
                    field: key
                )
            }
            let bound = Bound(try value(text), inclusive: op.hasSuffix("="))
            self =
                op.hasPrefix(">")
                ? .range(field: key, lower: bound, upper: nil) : .range(field: key, lower: nil, upper: bound)
        }
    }
}

extension StringProtocol {
    fileprivate func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
