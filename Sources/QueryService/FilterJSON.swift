import Pipeline
import SECDocuments
import VectorStore

/// The JSON form of the store's filter language (docs/service.md, "Filters"):
///
/// - an object is the AND of its entries; a key is a field (or an alias: `year`, `ticker`);
/// - a value is a scalar (equals), an array of scalars (any of), or an object of operators
///   `eq`, `ne`, `in`, `gt`, `gte`, `lt`, `lte`, `prefix` (all of them must hold);
/// - `$and` / `$or` take arrays of filter objects, `$not` one filter object.
///
/// Values are typed like the field: numbers for int64 and double, strings for string and date
/// (`YYYY-MM-DD`) fields, booleans for bool. Depth and condition count are bounded.
struct FilterJSON {
    let schema: CollectionSchema
    let aliases: [String: String]
    let depthMax: Int
    let conditionsMax: Int
    private(set) var conditions = 0

    init(schema: CollectionSchema, depthMax: Int, conditionsMax: Int) {
        self.schema = schema
        aliases = CollectionSchema.secFilterAliases
        self.depthMax = depthMax
        self.conditionsMax = conditionsMax
    }

    /// The conditions of a filter object (ANDed by the search).
    ///
    /// - Throws: `APIError` 400 `bad_input` naming the key: unknown field or operator, a value of
    ///   the wrong type, too deep or too many conditions.
    mutating func filters(_ value: JSONValue, depth: Int = 1) throws(APIError) -> [MetadataFilter] {
        guard depth <= depthMax else { throw .badInput("filter: nested deeper than \(depthMax) levels") }
        guard case .object(let entries) = value else {
            throw .badInput("filter: expected an object, found \(value.kind)")
        }
        var result: [MetadataFilter] = []
        for key in entries.keys.sorted() {
            guard let raw = entries[key] else { continue }
            switch key {
            case "$and", "$or":
                guard case .array(let items) = raw, !items.isEmpty else {
                    throw .badInput("filter: '\(key)' takes a non-empty array of filter objects")
                }
                var parts: [MetadataFilter] = []
                for item in items { parts.append(Self.all(try filters(item, depth: depth + 1))) }
                result.append(key == "$and" ? .and(parts) : .or(parts))
            case "$not":
                result.append(.not(Self.all(try filters(raw, depth: depth + 1))))
            default:
                result.append(contentsOf: try conditions(key, raw))
            }
        }
        return result
    }

    private static func all(_ filters: [MetadataFilter]) -> MetadataFilter {
        filters.count == 1 ? filters[0] : .and(filters)
    }

    private mutating func conditions(_ rawKey: String, _ raw: JSONValue) throws(APIError) -> [MetadataFilter] {
        let key = schema.ordinal(of: rawKey) == nil && rawKey != schema.primaryKey ? aliases[rawKey] ?? rawKey : rawKey
        let type: FieldType
        if key == schema.primaryKey {
            type = .string
        } else if let ordinal = schema.ordinal(of: key) {
            type = schema.fields[ordinal].type
        } else {
            let known = ([schema.primaryKey] + schema.fields.map(\.name)).joined(separator: ", ")
            throw .badInput("filter: unknown field '\(rawKey)'; use one of \(known)")
        }
        conditions += 1
        guard conditions <= conditionsMax else { throw .badInput("filter: more than \(conditionsMax) conditions") }
        let element: FieldType = type == .stringArray ? .string : type
        switch raw {
        case .array(let items):
            return [.oneOf(field: key, try values(items, element, key))]
        case .object(let operators):
            var result: [MetadataFilter] = []
            for name in operators.keys.sorted() {
                guard let operand = operators[name] else { continue }
                result.append(try condition(name, operand, key: key, type: type, element: element))
            }
            guard !result.isEmpty else { throw .badInput("filter: '\(rawKey)' has no operator") }
            return result
        default:
            return [.equals(field: key, try value(raw, element, key))]
        }
    }

    private func condition(
        _ name: String,
        _ operand: JSONValue,
        key: String,
        type: FieldType,
        element: FieldType
    ) throws(APIError) -> MetadataFilter {
        switch name {
        case "eq": return .equals(field: key, try value(operand, element, key))
        case "ne": return .not(.equals(field: key, try value(operand, element, key)))
        case "in":
            guard case .array(let items) = operand else { throw .badInput("filter: '\(key).in' takes an array") }
            return .oneOf(field: key, try values(items, element, key))
        case "prefix":
            guard element == .string, case .string(let prefix) = operand else {
                throw .badInput("filter: '\(key).prefix' takes a string, on a string field")
            }
            return .prefix(field: key, prefix)
        case "gt", "gte", "lt", "lte":
            guard type.isOrdered else {
                throw .badInput("filter: '\(key).\(name)': ranges need an int64, double or date field")
            }
            let bound = MetadataFilter.Bound(try value(operand, element, key), inclusive: name.hasSuffix("e"))
            return name.hasPrefix("g")
                ? .range(field: key, lower: bound, upper: nil) : .range(field: key, lower: nil, upper: bound)
        default:
            throw .badInput("filter: unknown operator '\(name)' on '\(key)' (eq, ne, in, gt, gte, lt, lte, prefix)")
        }
    }

    private func values(_ items: [JSONValue], _ type: FieldType, _ key: String) throws(APIError) -> [FieldValue] {
        guard !items.isEmpty else { throw .badInput("filter: '\(key)' has an empty list of values") }
        var result: [FieldValue] = []
        for item in items { result.append(try value(item, type, key)) }
        return result
    }

    private func value(_ raw: JSONValue, _ type: FieldType, _ key: String) throws(APIError) -> FieldValue {
        switch (type, raw) {
        case (.string, .string(let text)): return .string(text)
        case (.int64, .integer(let number)): return .int64(number)
        case (.double, _) where raw.doubleValue != nil: return .double(raw.doubleValue ?? 0)
        case (.bool, .bool(let flag)): return .bool(flag)
        case (.date, .string(let text)):
            guard let date = FieldValue(parsing: text, as: .date) else {
                throw .badInput("filter: '\(key)': '\(text)' is not a date (YYYY-MM-DD)")
            }
            return date
        default:
            throw .badInput("filter: '\(key)' is a \(type.rawValue) field; found \(raw.kind)")
        }
    }
}
