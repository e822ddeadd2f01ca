/// The non-null values of one leaf column in one page or dictionary, in physical form: what PLAIN
/// encoding writes and reads. Null entries exist only in the definition levels.
enum ParquetLeafValues: Sendable, Hashable {
    case booleans([Bool])
    case int32s([Int32])
    case int64s([Int64])
    case floats([Float])
    case doubles([Double])
    /// BYTE_ARRAY values (UTF-8 strings).
    case byteArrays([[UInt8]])

    var count: Int {
        switch self {
        case .booleans(let values): values.count
        case .int32s(let values): values.count
        case .int64s(let values): values.count
        case .floats(let values): values.count
        case .doubles(let values): values.count
        case .byteArrays(let values): values.count
        }
    }

    /// No values of `type` (INT96 and FIXED_LEN_BYTE_ARRAY, which no column kind uses, as INT64).
    static func empty(_ type: ParquetPhysicalType) -> ParquetLeafValues {
        switch type {
        case .boolean: .booleans([])
        case .int32: .int32s([])
        case .float: .floats([])
        case .double: .doubles([])
        case .byteArray: .byteArrays([])
        case .int64, .int96, .fixedLenByteArray: .int64s([])
        }
    }

    /// These values followed by `other`'s (of the same case); pages of one chunk are concatenated so.
    mutating func append(_ other: ParquetLeafValues) {
        switch (self, other) {
        case (.booleans(let a), .booleans(let b)): self = .booleans(a + b)
        case (.int32s(let a), .int32s(let b)): self = .int32s(a + b)
        case (.int64s(let a), .int64s(let b)): self = .int64s(a + b)
        case (.floats(let a), .floats(let b)): self = .floats(a + b)
        case (.doubles(let a), .doubles(let b)): self = .doubles(a + b)
        case (.byteArrays(let a), .byteArrays(let b)): self = .byteArrays(a + b)
        default: preconditionFailure("appending \(other) to \(self)")
        }
    }
}
