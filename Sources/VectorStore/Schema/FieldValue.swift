/// A typed value of a scalar document field.
public enum FieldValue: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case int64(Int64)
    case double(Double)
    case bool(Bool)
    case date(CalendarDate)
    case stringArray([String])

    public var type: FieldType {
        switch self {
        case .string: .string
        case .int64: .int64
        case .double: .double
        case .bool: .bool
        case .date: .date
        case .stringArray: .stringArray
        }
    }

    public var description: String {
        switch self {
        case .string(let value): value
        case .int64(let value): String(value)
        case .double(let value): String(value)
        case .bool(let value): String(value)
        case .date(let value): value.description
        case .stringArray(let values): "[" + values.joined(separator: ", ") + "]"
        }
    }

    /// The string, or `nil` for another type.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The integer, or `nil` for another type.
    public var int64Value: Int64? {
        if case .int64(let value) = self { return value }
        return nil
    }

    /// The date, or `nil` for another type.
    public var dateValue: CalendarDate? {
        if case .date(let value) = self { return value }
        return nil
    }

    /// The strings of a string array, or `nil` for another type.
    public var stringArrayValue: [String]? {
        if case .stringArray(let value) = self { return value }
        return nil
    }

    /// Parses text as a value of `type`: integers and doubles in decimal, `true`/`false`, dates as
    /// `YYYY-MM-DD`, string arrays as comma-separated elements. `nil` when the text does not parse.
    public init?(parsing text: String, as type: FieldType) {
        switch type {
        case .string: self = .string(text)
        case .int64:
            guard let value = Int64(text) else { return nil }
            self = .int64(value)
        case .double:
            guard let value = Double(text), value.isFinite else { return nil }
            self = .double(value)
        case .bool:
            guard let value = Bool(text.lowercased()) else { return nil }
            self = .bool(value)
        case .date:
            guard let value = CalendarDate(text) else { return nil }
            self = .date(value)
        case .stringArray: self = .stringArray(text.split(separator: ",").map(String.init))
        }
    }

    /// Orders two values of the same ordered type (int64, double, date); `nil` otherwise.
    func compare(_ other: FieldValue) -> Int? {
        switch (self, other) {
        case (.int64(let a), .int64(let b)): a < b ? -1 : (a == b ? 0 : 1)
        case (.double(let a), .double(let b)): a < b ? -1 : (a == b ? 0 : 1)
        case (.date(let a), .date(let b)): a < b ? -1 : (a == b ? 0 : 1)
        default: nil
        }
    }
}
