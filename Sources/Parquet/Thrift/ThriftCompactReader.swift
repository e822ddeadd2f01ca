/// Decodes Thrift compact-protocol structs from a byte range, as `ThriftCompactWriter` writes them
/// (and as any conforming writer does: long-form field headers, unknown fields, sets and maps are
/// read or skipped).
///
/// Every read is bounds-checked against `end`; a malformed byte is a `ParquetError.corruption` at
/// its offset. Nesting is limited to `depthMax` so a hostile footer cannot exhaust the stack.
struct ThriftCompactReader {
    /// Structs and containers nested deeper than this are corruption (Parquet's metadata nests ~6).
    static let depthMax = 32
    /// Elements in one list beyond this are corruption (bounds allocations before they happen).
    static let listCountMax = 1 << 24

    let bytes: [UInt8]
    /// The next byte to read, an index into `bytes` (and the file offset when `bytes` is the file).
    private(set) var position: Int
    /// One past the last byte this reader may read.
    let end: Int
    private var depth = 0

    init(bytes: [UInt8], position: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.position = position
        self.end = min(end ?? bytes.count, bytes.count)
    }

    /// Reads one struct: calls `field` for each field header until the stop byte. `field` reads the
    /// value and returns `true`, or returns `false` to have the value skipped (unknown fields).
    mutating func readStruct(
        _ field: (inout ThriftCompactReader, ThriftField) throws(ParquetError) -> Bool
    ) throws(ParquetError) {
        try enter()
        var lastID: Int16 = 0
        while true {
            let start = position
            let header = try readByte()
            if header == 0 { break }
            guard let type = ThriftCompactType(rawValue: header & 0x0F) else {
                throw .corruption("thrift: unknown field type \(header & 0x0F)", at: start)
            }
            let delta = header >> 4
            let id: Int16
            if delta == 0 {
                guard let long = Int16(exactly: try readZigzag()) else {
                    throw .corruption("thrift: field id out of range", at: start)
                }
                id = long
            } else {
                id = lastID &+ Int16(delta)
            }
            lastID = id
            let current = ThriftField(id: id, type: type)
            if try !field(&self, current) { try skip(type) }
        }
        depth -= 1
    }

    mutating func readI16(_ field: ThriftField) throws(ParquetError) -> Int16 {
        try expect(field, .i16)
        let start = position
        guard let value = Int16(exactly: try readZigzag()) else { throw .corruption("thrift: i16 overflow", at: start) }
        return value
    }

    mutating func readI32(_ field: ThriftField) throws(ParquetError) -> Int32 {
        try expect(field, .i32)
        let start = position
        guard let value = Int32(exactly: try readZigzag()) else { throw .corruption("thrift: i32 overflow", at: start) }
        return value
    }

    mutating func readI64(_ field: ThriftField) throws(ParquetError) -> Int64 {
        try expect(field, .i64)
        return try readZigzag()
    }

    /// A boolean field, whose value is its header's type nibble.
    func readBool(_ field: ThriftField) throws(ParquetError) -> Bool {
        switch field.type {
        case .booleanTrue: return true
        case .booleanFalse: return false
        default: throw .corruption("thrift: field \(field.id) is \(field.type), expected a bool", at: position)
        }
    }

    mutating func readBinary(_ field: ThriftField) throws(ParquetError) -> [UInt8] {
        try expect(field, .binary)
        return try readBinaryValue()
    }

    mutating func readString(_ field: ThriftField) throws(ParquetError) -> String {
        let start = position
        let raw = try readBinary(field)
        guard let text = String(validating: raw, as: UTF8.self) else {
            throw .corruption("thrift: field \(field.id) is not UTF-8", at: start)
        }
        return text
    }

    /// A `list<i32>` field.
    mutating func readI32List(_ field: ThriftField) throws(ParquetError) -> [Int32] {
        let count = try readListHeader(field, element: .i32)
        var values: [Int32] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            let start = position
            guard let value = Int32(exactly: try readZigzag()) else {
                throw .corruption("thrift: i32 overflow", at: start)
            }
            values.append(value)
        }
        return values
    }

    /// A `list<string>` field.
    mutating func readStringList(_ field: ThriftField) throws(ParquetError) -> [String] {
        let count = try readListHeader(field, element: .binary)
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            let start = position
            guard let text = String(validating: try readBinaryValue(), as: UTF8.self) else {
                throw .corruption("thrift: list element is not UTF-8", at: start)
            }
            values.append(text)
        }
        return values
    }

    /// A `list<struct>` field: `element` reads one element's struct (with `readStruct`).
    mutating func readStructList<Element>(
        _ field: ThriftField,
        _ element: (inout ThriftCompactReader) throws(ParquetError) -> Element
    ) throws(ParquetError) -> [Element] {
        let count = try readListHeader(field, element: .structure)
        var values: [Element] = []
        for _ in 0..<count { values.append(try element(&self)) }
        return values
    }

    // MARK: - Wire primitives

    /// The list header of `field`; the element type must be `element`.
    private mutating func readListHeader(
        _ field: ThriftField,
        element: ThriftCompactType
    ) throws(ParquetError) -> Int {
        try expect(field, .list)
        let start = position
        let (type, count) = try readContainerHeader()
        guard type == element else {
            throw .corruption("thrift: list of field \(field.id) holds \(type), expected \(element)", at: start)
        }
        return count
    }

    private mutating func readContainerHeader() throws(ParquetError) -> (ThriftCompactType, Int) {
        let start = position
        let header = try readByte()
        guard let type = ThriftCompactType(rawValue: header & 0x0F) else {
            throw .corruption("thrift: unknown element type \(header & 0x0F)", at: start)
        }
        let short = Int(header >> 4)
        let count = short == 0xF ? try readVarint() : UInt64(short)
        guard count <= UInt64(Self.listCountMax) else {
            throw .corruption("thrift: a list of \(count) elements", at: start)
        }
        return (type, Int(count))
    }

    private func expect(_ field: ThriftField, _ type: ThriftCompactType) throws(ParquetError) {
        guard field.type == type else {
            throw .corruption("thrift: field \(field.id) is \(field.type), expected \(type)", at: position)
        }
    }

    private mutating func enter() throws(ParquetError) {
        depth += 1
        guard depth <= Self.depthMax else {
            throw .corruption("thrift: nested deeper than \(Self.depthMax)", at: position)
        }
    }

    private mutating func readByte() throws(ParquetError) -> UInt8 {
        guard position < end else { throw .corruption("thrift: truncated", at: position) }
        defer { position += 1 }
        return bytes[position]
    }

    private mutating func readBinaryValue() throws(ParquetError) -> [UInt8] {
        let start = position
        let length = try readVarint()
        guard length <= UInt64(end - position) else {
            throw .corruption("thrift: a binary of \(length) bytes overruns the structure", at: start)
        }
        let value = Array(bytes[position..<(position + Int(length))])
        position += Int(length)
        return value
    }

    private mutating func readVarint() throws(ParquetError) -> UInt64 {
        let start = position
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            guard shift < 64 else { throw .corruption("thrift: varint longer than 10 bytes", at: start) }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
    }

    private mutating func readZigzag() throws(ParquetError) -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// Skips one value of `type` (an unknown field, or an element of an unknown container).
    private mutating func skip(_ type: ThriftCompactType) throws(ParquetError) {
        switch type {
        case .booleanTrue, .booleanFalse: return
        case .byte: _ = try readByte()
        case .i16, .i32, .i64: _ = try readVarint()
        case .double: try advance(8)
        case .binary: try advance(Int(exactly: try readVarint()) ?? Int.max)
        case .structure: try readStruct { _, _ throws(ParquetError) in false }
        case .list, .set:
            let (element, count) = try readContainerHeader()
            try enter()
            for _ in 0..<count { try skipElement(element) }
            depth -= 1
        case .map:
            let start = position
            let count = try readVarint()
            guard count <= UInt64(Self.listCountMax) else { throw .corruption("thrift: a map of \(count)", at: start) }
            if count == 0 { return }
            let types = try readByte()
            guard let key = ThriftCompactType(rawValue: types >> 4),
                let value = ThriftCompactType(rawValue: types & 0x0F)
            else { throw .corruption("thrift: unknown map types \(types)", at: start + 1) }
            try enter()
            for _ in 0..<count {
                try skipElement(key)
                try skipElement(value)
            }
            depth -= 1
        }
    }

    /// Container elements differ from fields only for booleans, which take one byte each.
    private mutating func skipElement(_ type: ThriftCompactType) throws(ParquetError) {
        if type == .booleanTrue || type == .booleanFalse { _ = try readByte() } else { try skip(type) }
    }

    private mutating func advance(_ count: Int) throws(ParquetError) {
        guard count <= end - position else { throw .corruption("thrift: truncated", at: position) }
        position += count
    }
}
