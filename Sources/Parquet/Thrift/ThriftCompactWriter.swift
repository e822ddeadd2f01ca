/// Encodes Thrift structs in the compact protocol: the form of every Parquet page header and of the
/// file footer (`FileMetaData`).
///
/// Fields are written in increasing id order within a struct (the writer keeps the last id of each
/// open struct to write the short, delta form of field headers); every struct ends with a stop byte.
/// Only the types Parquet metadata uses are offered: i16, i32, i64, binary, bool, lists and structs.
struct ThriftCompactWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []
    /// The last field id of each open struct, innermost last; the bottom entry is the outermost struct.
    private var lastFieldIDs: [Int16] = [0]

    init() {}

    /// Writes the fields `body` writes, then the stop byte: one complete struct at the current position
    /// (the outermost struct, or a list element).
    mutating func writeStruct(_ body: (inout ThriftCompactWriter) -> Void) {
        lastFieldIDs.append(0)
        body(&self)
        bytes.append(0)
        lastFieldIDs.removeLast()
    }

    /// A struct-valued field (also a union, which is a struct with exactly one field set).
    mutating func writeStruct(field id: Int16, _ body: (inout ThriftCompactWriter) -> Void) {
        writeFieldHeader(id, .structure)
        writeStruct(body)
    }

    mutating func write(field id: Int16, i16 value: Int16) {
        writeFieldHeader(id, .i16)
        writeVarint(zigzag(Int64(value)))
    }

    mutating func write(field id: Int16, i32 value: Int32) {
        writeFieldHeader(id, .i32)
        writeVarint(zigzag(Int64(value)))
    }

    mutating func write(field id: Int16, i64 value: Int64) {
        writeFieldHeader(id, .i64)
        writeVarint(zigzag(value))
    }

    mutating func write(field id: Int16, binary value: [UInt8]) {
        writeFieldHeader(id, .binary)
        writeBinary(value)
    }

    mutating func write(field id: Int16, string value: String) {
        write(field: id, binary: Array(value.utf8))
    }

    /// A boolean field: the value is the header's type nibble, no byte follows.
    mutating func write(field id: Int16, bool value: Bool) {
        writeFieldHeader(id, value ? .booleanTrue : .booleanFalse)
    }

    /// A `list<i32>` field (Parquet's lists of enums).
    mutating func write(field id: Int16, i32List values: [Int32]) {
        writeListHeader(field: id, element: .i32, count: values.count)
        for value in values { writeVarint(zigzag(Int64(value))) }
    }

    /// A `list<string>` field.
    mutating func write(field id: Int16, stringList values: [String]) {
        writeListHeader(field: id, element: .binary, count: values.count)
        for value in values { writeBinary(Array(value.utf8)) }
    }

    /// A `list<struct>` field: `element` writes the fields of one element's struct.
    mutating func write<Element>(
        field id: Int16,
        structList elements: [Element],
        _ element: (inout ThriftCompactWriter, Element) -> Void
    ) {
        writeListHeader(field: id, element: .structure, count: elements.count)
        for value in elements { writeStruct { element(&$0, value) } }
    }

    // MARK: - Wire primitives

    /// The short form (delta from the previous id, 1...15, in the high nibble) when it applies,
    /// else the type byte followed by the id as a zigzag varint.
    private mutating func writeFieldHeader(_ id: Int16, _ type: ThriftCompactType) {
        let last = lastFieldIDs[lastFieldIDs.count - 1]
        let delta = Int(id) - Int(last)
        if (1...15).contains(delta) {
            bytes.append(UInt8(delta) << 4 | type.rawValue)
        } else {
            bytes.append(type.rawValue)
            writeVarint(zigzag(Int64(id)))
        }
        lastFieldIDs[lastFieldIDs.count - 1] = id
    }

    /// Size in the high nibble when under 15, else `0xF` there and the size as a varint after.
    private mutating func writeListHeader(field id: Int16, element: ThriftCompactType, count: Int) {
        writeFieldHeader(id, .list)
        if count < 15 {
            bytes.append(UInt8(count) << 4 | element.rawValue)
        } else {
            bytes.append(0xF0 | element.rawValue)
            writeVarint(UInt64(count))
        }
    }

    private mutating func writeBinary(_ value: [UInt8]) {
        writeVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    /// ULEB128: seven bits per byte, least significant first, the high bit set on all but the last.
    private mutating func writeVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Maps signed to unsigned so that small magnitudes stay small: 0, -1, 1, -2 → 0, 1, 2, 3.
    private func zigzag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }
}
