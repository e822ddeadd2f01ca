/// PLAIN encoding (Encodings.md): fixed-width numbers little-endian back to back, booleans one bit
/// each (least significant bit first), byte arrays as a 4-byte little-endian length then the bytes.
enum PlainEncoder {
    static func encode(_ values: ParquetLeafValues, to output: inout [UInt8]) {
        switch values {
        case .booleans(let flags):
            var byte: UInt8 = 0
            for (index, flag) in flags.enumerated() {
                if flag { byte |= 1 << UInt8(index % 8) }
                if index % 8 == 7 {
                    output.append(byte)
                    byte = 0
                }
            }
            if flags.count % 8 != 0 { output.append(byte) }
        case .int32s(let numbers): for number in numbers { output.appendLittleEndian(number) }
        case .int64s(let numbers): for number in numbers { output.appendLittleEndian(number) }
        case .floats(let numbers): for number in numbers { output.appendLittleEndian(number.bitPattern) }
        case .doubles(let numbers): for number in numbers { output.appendLittleEndian(number.bitPattern) }
        case .byteArrays(let arrays):
            for array in arrays {
                output.appendLittleEndian(UInt32(array.count))
                output.append(contentsOf: array)
            }
        }
    }

    /// The PLAIN bytes of one value without a length prefix: the form of statistics bounds.
    static func statisticsBound(_ values: ParquetLeafValues) -> [UInt8] {
        if case .byteArrays(let arrays) = values { return arrays.first ?? [] }
        var output: [UInt8] = []
        if case .booleans(let flags) = values {
            output.append(flags.first == true ? 1 : 0)
        } else {
            encode(values, to: &output)
        }
        return output
    }
}
