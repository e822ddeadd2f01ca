/// Decodes PLAIN values (`PlainEncoder` describes the layout).
enum PlainDecoder {
    /// Reads exactly `count` values of `type` from `bytes[range]`.
    ///
    /// - Parameter pageOffset: the file offset of the page, for errors.
    /// - Throws: `ParquetError.corruption` when the bytes end before `count` values;
    ///   `unsupported` for INT96 and FIXED_LEN_BYTE_ARRAY, which we never write.
    static func decode(
        _ bytes: [UInt8],
        _ range: Range<Int>,
        type: ParquetPhysicalType,
        count: Int,
        pageOffset: Int
    ) throws(ParquetError) -> ParquetLeafValues {
        let available = range.upperBound - range.lowerBound
        func need(_ width: Int) throws(ParquetError) {
            guard count <= available / width else {
                throw .corruption("plain: \(count) values of \(width) bytes in \(available) bytes", at: pageOffset)
            }
        }
        let start = range.lowerBound
        switch type {
        case .boolean:
            guard (count + 7) / 8 <= available else {
                throw .corruption("plain: \(count) booleans in \(available) bytes", at: pageOffset)
            }
            return .booleans((0..<count).map { bytes[start + $0 / 8] >> UInt8($0 % 8) & 1 == 1 })
        case .int32:
            try need(4)
            return .int32s((0..<count).map { bytes.loadLittleEndian(Int32.self, at: start + 4 * $0) })
        case .int64:
            try need(8)
            return .int64s((0..<count).map { bytes.loadLittleEndian(Int64.self, at: start + 8 * $0) })
        case .float:
            try need(4)
            return .floats(
                (0..<count).map { Float(bitPattern: bytes.loadLittleEndian(UInt32.self, at: start + 4 * $0)) }
            )
        case .double:
            try need(8)
            return .doubles(
                (0..<count).map { Double(bitPattern: bytes.loadLittleEndian(UInt64.self, at: start + 8 * $0)) }
            )
        case .byteArray:
            var arrays: [[UInt8]] = []
            arrays.reserveCapacity(min(count, available / 4))
            var position = start
            for index in 0..<count {
                guard range.upperBound - position >= 4 else {
                    throw .corruption("plain: byte array \(index) of \(count) is truncated", at: pageOffset)
                }
                let length = Int(bytes.loadLittleEndian(UInt32.self, at: position))
                position += 4
                guard length <= range.upperBound - position else {
                    throw .corruption("plain: byte array \(index) of \(length) bytes overruns the page", at: pageOffset)
                }
                arrays.append(Array(bytes[position..<(position + length)]))
                position += length
            }
            return .byteArrays(arrays)
        case .int96, .fixedLenByteArray:
            throw ParquetError(code: .unsupported, message: "plain \(type) values", offsetBytes: pageOffset)
        }
    }
}
