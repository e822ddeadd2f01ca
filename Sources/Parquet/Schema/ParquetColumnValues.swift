/// The values of one column for a run of rows (one row group), `nil` for a null. The case must match
/// the column's kind (`ParquetColumnKind`).
public enum ParquetColumnValues: Sendable, Hashable {
    case strings([String?])
    case int64s([Int64?])
    case doubles([Double?])
    case booleans([Bool?])
    /// Days since 1970-01-01.
    case dates([Int32?])
    case stringLists([[String]?])
    case floatLists([[Float]?])

    /// Rows covered.
    public var count: Int {
        switch self {
        case .strings(let values): values.count
        case .int64s(let values): values.count
        case .doubles(let values): values.count
        case .booleans(let values): values.count
        case .dates(let values): values.count
        case .stringLists(let values): values.count
        case .floatLists(let values): values.count
        }
    }

    /// The kind these values fit.
    public var kind: ParquetColumnKind {
        switch self {
        case .strings: .string
        case .int64s: .int64
        case .doubles: .double
        case .booleans: .boolean
        case .dates: .date
        case .stringLists: .stringList
        case .floatLists: .floatList
        }
    }
}
