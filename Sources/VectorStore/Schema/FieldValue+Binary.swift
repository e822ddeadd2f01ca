/// The compact binary form of field values shared by WAL records and segment columns
/// (docs/formats/wal.md): the type's tag byte, then the value, little-endian.
///
/// `string`: `len u32 | utf8`; `int64`: `i64`; `double`: IEEE 754 bits `u64`; `bool`: `u8` 0/1;
/// `date`: days since 1970 `i64`; `string_array`: `count u32 | (len u32 | utf8)…`.
extension FieldValue {
    /// Upper bound of one string's UTF-8 bytes and of a string array's element count.
    static let stringBytesMax = 16 * 1024 * 1024
    static let arrayCountMax = 65_536

    func append(to bytes: inout [UInt8]) {
        bytes.append(type.tag)
        appendBody(to: &bytes)
    }

    /// The value without its tag (segment columns store the tag once per column).
    func appendBody(to bytes: inout [UInt8]) {
        switch self {
        case .string(let value): Self.appendString(value, to: &bytes)
        case .int64(let value): bytes.appendLittleEndian(UInt64(bitPattern: value))
        case .double(let value): bytes.appendLittleEndian(value.bitPattern)
        case .bool(let value): bytes.append(value ? 1 : 0)
        case .date(let value): bytes.appendLittleEndian(UInt64(bitPattern: value.daysSince1970))
        case .stringArray(let values):
            bytes.appendLittleEndian(UInt32(values.count))
            for value in values { Self.appendString(value, to: &bytes) }
        }
    }

    /// Reads a tagged value; `nil` when the bytes are truncated or malformed.
    static func read(_ reader: inout ByteReader) -> FieldValue? {
        guard let tag = reader.readByte(), let type = FieldType(tag: tag) else { return nil }
        return readBody(type, &reader)
    }

    /// Reads an untagged value of `type`.
    static func readBody(_ type: FieldType, _ reader: inout ByteReader) -> FieldValue? {
        switch type {
        case .string: return readString(&reader).map(FieldValue.string)
        case .int64: return reader.readUInt64().map { .int64(Int64(bitPattern: $0)) }
        case .double: return reader.readUInt64().map { .double(Double(bitPattern: $0)) }
        case .bool:
            guard let byte = reader.readByte(), byte <= 1 else { return nil }
            return .bool(byte == 1)
        case .date: return reader.readUInt64().map { .date(CalendarDate(daysSince1970: Int64(bitPattern: $0))) }
        case .stringArray:
            guard let count = reader.readUInt32(), Int(count) <= arrayCountMax else { return nil }
            var values: [String] = []
            for _ in 0..<count {
                guard let value = readString(&reader) else { return nil }
                values.append(value)
            }
            return .stringArray(values)
        }
    }

    /// Steps over one value body of `type` without building it; `false` when the bytes end early.
    static func skipBody(_ type: FieldType, _ reader: inout ByteReader) -> Bool {
        switch type {
        case .int64, .double, .date: return reader.readBytes(8) != nil
        case .bool: return reader.readByte() != nil
        case .string: return skipString(&reader)
        case .stringArray:
            guard let count = reader.readUInt32(), Int(count) <= arrayCountMax else { return false }
            for _ in 0..<count where !skipString(&reader) { return false }
            return true
        }
    }

    private static func skipString(_ reader: inout ByteReader) -> Bool {
        guard let length = reader.readUInt32(), Int(length) <= stringBytesMax else { return false }
        return reader.readBytes(Int(length)) != nil
    }

    private static func appendString(_ value: String, to bytes: inout [UInt8]) {
        bytes.appendLittleEndian(UInt32(value.utf8.count))
        bytes.append(contentsOf: value.utf8)
    }

    private static func readString(_ reader: inout ByteReader) -> String? {
        guard let length = reader.readUInt32(), Int(length) <= stringBytesMax, let utf8 = reader.readBytes(Int(length))
        else { return nil }
        return String(validating: utf8, as: UTF8.self)
    }
}
