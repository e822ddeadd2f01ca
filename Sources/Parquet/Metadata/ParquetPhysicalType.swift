/// Parquet's physical types (`Type` in parquet.thrift): how a leaf's values are laid out on disk.
public enum ParquetPhysicalType: Int32, Sendable, Hashable {
    /// One bit per value in PLAIN encoding.
    case boolean = 0
    /// Four bytes little-endian (our dates, as days since 1970-01-01).
    case int32 = 1
    /// Eight bytes little-endian.
    case int64 = 2
    case int96 = 3
    /// Four bytes IEEE 754 little-endian (vector components).
    case float = 4
    /// Eight bytes IEEE 754 little-endian.
    case double = 5
    /// A four-byte little-endian length, then the bytes (our strings, UTF-8).
    case byteArray = 6
    case fixedLenByteArray = 7
}
