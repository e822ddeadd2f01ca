import TOMLKit

/// A TOML value copied out of TOMLKit's reference types into a `Sendable` tree.
indirect enum ConfigValue: Sendable, Hashable {
    case string(String)
    case integer(Int)
    case double(Double)
    case bool(Bool)
    case array([ConfigValue])
    case table([String: ConfigValue])
    /// Dates and times, which no pipeline key takes: kept as text for error messages.
    case other(String)

    init(_ value: any TOMLValueConvertible) {
        if let table = value.table {
            var entries: [String: ConfigValue] = [:]
            for key in table.keys {
                if let child = table[key] { entries[key] = ConfigValue(child) }
            }
            self = .table(entries)
        } else if let array = value.array {
            self = .array(array.map { ConfigValue($0) })
        } else if let bool = value.bool {
            self = .bool(bool)
        } else if let int = value.int {
            self = .integer(int)
        } else if let double = value.double {
            self = .double(double)
        } else if let string = value.string {
            self = .string(string)
        } else {
            self = .other(value.debugDescription)
        }
    }

    /// The TOML type name, for messages.
    var typeName: String {
        switch self {
        case .string: return "string"
        case .integer: return "integer"
        case .double: return "float"
        case .bool: return "boolean"
        case .array: return "array"
        case .table: return "table"
        case .other: return "date/time"
        }
    }
}
