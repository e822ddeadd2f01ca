/// The 4-bit type codes of the Thrift compact protocol: the low nibble of a field header and of a
/// list header (docs/formats/parquet.md, "Thrift compact protocol").
enum ThriftCompactType: UInt8, Sendable {
    /// A boolean field whose value is `true`, carried in the header (no value byte follows).
    case booleanTrue = 1
    /// A boolean field whose value is `false`; as a list element type, a boolean of one byte.
    case booleanFalse = 2
    case byte = 3
    case i16 = 4
    case i32 = 5
    case i64 = 6
    case double = 7
    /// Varint length, then the bytes (strings are UTF-8 binaries).
    case binary = 8
    case list = 9
    case set = 10
    case map = 11
    case structure = 12
}
