/// The logical-type annotations this package writes (`LogicalType` union members, with the
/// `ConvertedType` each implies, which readers from before logical types still need).
public enum ParquetLogicalType: Sendable, Hashable {
    /// UTF-8 text in a BYTE_ARRAY: union field 1 (`StringType`), converted type UTF8 (0).
    case string
    /// A group holding a repeated group of one element: union field 3 (`ListType`), converted
    /// type LIST (3).
    case list
    /// Days since 1970-01-01 in an INT32: union field 6 (`DateType`), converted type DATE (6).
    case date

    /// The member's field id in the `LogicalType` union.
    var unionFieldID: Int16 {
        switch self {
        case .string: 1
        case .list: 3
        case .date: 6
        }
    }

    /// The `ConvertedType` enum value written beside the logical type.
    var convertedType: Int32 {
        switch self {
        case .string: 0
        case .list: 3
        case .date: 6
        }
    }

    /// The annotation of a `LogicalType` union member id, `nil` for members we do not model.
    init?(unionFieldID: Int16) {
        switch unionFieldID {
        case 1: self = .string
        case 3: self = .list
        case 6: self = .date
        default: return nil
        }
    }

    /// The annotation a legacy `ConvertedType` implies, `nil` for those we do not model.
    init?(convertedType: Int32) {
        switch convertedType {
        case 0: self = .string
        case 3: self = .list
        case 6: self = .date
        default: return nil
        }
    }
}
