/// What one column of a table holds, and so how it is laid out in Parquet (docs/formats/parquet.md,
/// "Type mapping").
public enum ParquetColumnKind: String, Sendable, Hashable, CaseIterable {
    /// BYTE_ARRAY annotated STRING (UTF-8); dictionary encoded when few values repeat often.
    case string
    /// INT64.
    case int64
    /// DOUBLE.
    case double
    /// BOOLEAN.
    case boolean
    /// INT32 annotated DATE: days since 1970-01-01.
    case date
    /// A LIST of required STRING elements, in the three-level form
    /// (`<name> (LIST) { repeated group list { required binary element (STRING) } }`).
    case stringList
    /// A LIST of required FLOAT elements (vectors), in the same three-level form.
    case floatList

    /// The leaf's physical type.
    var physicalType: ParquetPhysicalType {
        switch self {
        case .string, .stringList: .byteArray
        case .int64: .int64
        case .double: .double
        case .boolean: .boolean
        case .date: .int32
        case .floatList: .float
        }
    }

    /// The leaf's logical type (the element's, for lists).
    var leafLogicalType: ParquetLogicalType? {
        switch self {
        case .string, .stringList: .string
        case .date: .date
        case .int64, .double, .boolean, .floatList: nil
        }
    }

    var isList: Bool { self == .stringList || self == .floatList }
}
