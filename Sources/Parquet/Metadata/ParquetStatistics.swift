/// Column-chunk statistics (`Statistics`): counts, and bounds in the column's type order, PLAIN
/// encoded (strings without their length prefix). The writer fills `nullCount` always, the bounds
/// for numbers, booleans and dates, `nanCount` (0: our doubles are finite) for doubles.
public struct ParquetStatistics: Sendable, Hashable {
    public var nullCount: Int64?
    public var distinctCount: Int64?
    public var maxValue: [UInt8]?
    public var minValue: [UInt8]?
    public var nanCount: Int64?

    public init(
        nullCount: Int64? = nil,
        distinctCount: Int64? = nil,
        maxValue: [UInt8]? = nil,
        minValue: [UInt8]? = nil,
        nanCount: Int64? = nil
    ) {
        self.nullCount = nullCount
        self.distinctCount = distinctCount
        self.maxValue = maxValue
        self.minValue = minValue
        self.nanCount = nanCount
    }
}

extension ParquetStatistics {
    /// Fields 3 null_count, 4 distinct_count, 5 max_value, 6 min_value, 9 nan_count (the deprecated
    /// 1 max and 2 min are never written and skipped on read).
    func encode(_ writer: inout ThriftCompactWriter) {
        if let nullCount { writer.write(field: 3, i64: nullCount) }
        if let distinctCount { writer.write(field: 4, i64: distinctCount) }
        if let maxValue { writer.write(field: 5, binary: maxValue) }
        if let minValue { writer.write(field: 6, binary: minValue) }
        if let nanCount { writer.write(field: 9, i64: nanCount) }
    }

    static func decode(_ reader: inout ThriftCompactReader) throws(ParquetError) -> ParquetStatistics {
        var statistics = ParquetStatistics()
        try reader.readStruct { reader, field throws(ParquetError) in
            switch field.id {
            case 3: statistics.nullCount = try reader.readI64(field)
            case 4: statistics.distinctCount = try reader.readI64(field)
            case 5: statistics.maxValue = try reader.readBinary(field)
            case 6: statistics.minValue = try reader.readBinary(field)
            case 9: statistics.nanCount = try reader.readI64(field)
            default: return false
            }
            return true
        }
        return statistics
    }
}
