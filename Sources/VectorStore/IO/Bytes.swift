/// Little-endian appends for the persisted formats (docs/formats/).
extension [UInt8] {
    mutating func appendLittleEndian(_ value: UInt8) { append(value) }

    mutating func appendLittleEndian(_ value: UInt16) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func appendLittleEndian(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func appendLittleEndian(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    /// Appends a UTF-8 string prefixed by its byte count as `u16`; callers bound the length first.
    mutating func appendShortString(_ value: String) {
        let utf8 = Array(value.utf8)
        appendLittleEndian(UInt16(truncatingIfNeeded: utf8.count))
        append(contentsOf: utf8)
    }

    /// Appends zero bytes until `count` is a multiple of `alignment`.
    mutating func pad(toMultipleOf alignment: Int) {
        let remainder = count % alignment
        if remainder != 0 { append(contentsOf: repeatElement(0, count: alignment - remainder)) }
    }
}

/// Sequential little-endian reads over a byte slice; every read returns `nil` past the end.
struct ByteReader {
    private let bytes: ArraySlice<UInt8>
    private(set) var position: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.position = bytes.startIndex
    }

    init(_ bytes: [UInt8]) { self.init(bytes[...]) }

    var remaining: Int { bytes.endIndex - position }

    mutating func readByte() -> UInt8? {
        guard position < bytes.endIndex else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func readUInt16() -> UInt16? { readInteger(UInt16.self) }
    mutating func readUInt32() -> UInt32? { readInteger(UInt32.self) }
    mutating func readUInt64() -> UInt64? { readInteger(UInt64.self) }

    private mutating func readInteger<T: FixedWidthInteger>(_: T.Type) -> T? {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { return nil }
        var value: T = 0
        for index in 0..<size { value |= T(bytes[position + index]) << (8 * index) }
        position += size
        return value
    }

    mutating func readBytes(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, remaining >= count else { return nil }
        defer { position += count }
        return bytes[position..<(position + count)]
    }

    mutating func readShortString() -> String? {
        guard let length = readUInt16(), let utf8 = readBytes(Int(length)) else { return nil }
        return String(validating: utf8, as: UTF8.self)
    }
}
