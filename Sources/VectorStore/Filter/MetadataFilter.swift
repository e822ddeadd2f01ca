/// A condition on a document's fields; `SearchRequest.filters` combines several with AND.
///
/// Values are typed like the field: `equals`/`oneOf` on any field (on a `string_array` field a
/// string matches any element), `range` on int64, double and date fields, `prefix` on string and
/// string-array fields; the primary key can be named like a string field. A missing value (a
/// document without the field, no default) satisfies no condition but `not` of one. Fields with
/// `foldCase` compare case-insensitively. Checked against the schema when a search runs.
public indirect enum MetadataFilter: Sendable, Hashable, CustomStringConvertible {
    case equals(field: String, FieldValue)
    case oneOf(field: String, [FieldValue])
    /// `lower` and/or `upper` bound; each inclusive or not.
    case range(field: String, lower: Bound?, upper: Bound?)
    case prefix(field: String, String)
    case and([MetadataFilter])
    case or([MetadataFilter])
    case not(MetadataFilter)

    /// One end of a range.
    public struct Bound: Sendable, Hashable {
        public var value: FieldValue
        public var inclusive: Bool

        public init(_ value: FieldValue, inclusive: Bool = true) {
            self.value = value
            self.inclusive = inclusive
        }
    }

    public var description: String {
        switch self {
        case .equals(let field, let value): "\(field)=\(value)"
        case .oneOf(let field, let values): "\(field)=" + values.map(\.description).joined(separator: "|")
        case .range(let field, let lower, let upper):
            [
                lower.map { "\(field)\($0.inclusive ? ">=" : ">")\($0.value)" },
                upper.map { "\(field)\($0.inclusive ? "<=" : "<")\($0.value)" },
            ].compactMap { $0 }.joined(separator: " AND ")
        case .prefix(let field, let prefix): "\(field)^=\(prefix)"
        case .and(let filters): "(" + filters.map(\.description).joined(separator: " AND ") + ")"
        case .or(let filters): "(" + filters.map(\.description).joined(separator: " OR ") + ")"
        case .not(let filter): "NOT \(filter)"
        }
    }
}
