/// Decodes the RLE / bit-packing hybrid (`RLEHybridEncoder` describes the runs).
enum RLEHybridDecoder {
    /// Decodes exactly `count` values of `bitWidth` bits from `bytes[range]`.
    ///
    /// - Parameter pageOffset: the file offset of the page the bytes belong to, for errors (the bytes
    ///   are a decompressed page, which has no file offset of its own).
    /// - Throws: `ParquetError.corruption` when the runs end before `count` values, a run overruns
    ///   the range, or a repeated value does not fit `bitWidth`.
    static func decode(
        _ bytes: [UInt8],
        _ range: Range<Int>,
        bitWidth: Int,
        count: Int,
        pageOffset: Int
    ) throws(ParquetError) -> [UInt32] {
        guard (0...32).contains(bitWidth) else { throw .corruption("rle: bit width \(bitWidth)", at: pageOffset) }
        var values: [UInt32] = []
        values.reserveCapacity(count)
        var position = range.lowerBound
        let valueBytes = (bitWidth + 7) / 8
        while values.count < count {
            guard let header = readVarint(bytes, &position, end: range.upperBound) else {
                throw .corruption("rle: runs end after \(values.count) of \(count) values", at: pageOffset)
            }
            if header & 1 == 0 {
                let run = header >> 1
                guard run > 0, run <= UInt64(count - values.count), position + valueBytes <= range.upperBound else {
                    throw .corruption("rle: a repeated run of \(run) overruns the page", at: pageOffset)
                }
                var value: UInt64 = 0
                for byte in 0..<valueBytes { value |= UInt64(bytes[position + byte]) << UInt64(8 * byte) }
                position += valueBytes
                guard bitWidth == 32 || value < (1 << UInt64(bitWidth)) else {
                    throw .corruption("rle: value \(value) wider than \(bitWidth) bits", at: pageOffset)
                }
                values.append(contentsOf: repeatElement(UInt32(value), count: Int(run)))
            } else {
                let groups = header >> 1
                let byteCount = groups.multipliedReportingOverflow(by: UInt64(bitWidth))
                guard groups > 0, !byteCount.overflow, byteCount.partialValue <= UInt64(range.upperBound - position)
                else {
                    throw .corruption("rle: a bit-packed run of \(groups) groups overruns the page", at: pageOffset)
                }
                let take = min(Int(groups) * 8, count - values.count)
                unpack(bytes, from: position, count: take, bitWidth: bitWidth, into: &values)
                position += Int(byteCount.partialValue)
            }
        }
        return values
    }

    private static func unpack(
        _ bytes: [UInt8],
        from start: Int,
        count: Int,
        bitWidth: Int,
        into values: inout [UInt32]
    ) {
        let mask: UInt64 = bitWidth == 32 ? 0xFFFF_FFFF : (1 << UInt64(bitWidth)) - 1
        var buffer: UInt64 = 0
        var bufferedBits = 0
        var position = start
        for _ in 0..<count {
            while bufferedBits < bitWidth {
                buffer |= UInt64(bytes[position]) << UInt64(bufferedBits)
                position += 1
                bufferedBits += 8
            }
            values.append(UInt32(truncatingIfNeeded: buffer & mask))
            buffer >>= UInt64(bitWidth)
            bufferedBits -= bitWidth
        }
    }

    /// A ULEB128 value, `nil` when the range ends first or it is longer than 10 bytes.
    static func readVarint(_ bytes: [UInt8], _ position: inout Int, end: Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while position < end, shift < 64 {
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        return nil
    }
}
