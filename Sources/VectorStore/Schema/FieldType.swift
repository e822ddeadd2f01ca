/// The type of a scalar document field.
public enum FieldType: String, Sendable, Hashable, Codable, CaseIterable {
    /// UTF-8 text.
    case string
    /// A signed 64-bit integer.
    case int64
    /// A finite IEEE 754 double.
    case double
    case bool
    /// A calendar day (`CalendarDate`, text form `YYYY-MM-DD`).
    case date
    /// An ordered list of strings (for example a filer's tickers); equality filters match any element.
    case stringArray = "string_array"

    /// The tag byte of this type in the binary encodings (docs/formats/wal.md).
    var tag: UInt8 {
        switch self {
        case .string: 1
        case .int64: 2
        case .double: 3
        case .bool: 4
        case .date: 5
        case .stringArray: 6
        }
    }

    init?(tag: UInt8) {
        guard let type = Self.allCases.first(where: { $0.tag == tag }) else { return nil }
        self = type
    }

    /// Whether range filters apply (numbers and dates).
    public var isOrdered: Bool { self == .int64 || self == .double || self == .date }
}
