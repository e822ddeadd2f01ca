/// Parquet's RLE / bit-packing hybrid (Encodings.md, "Run Length Encoding / Bit-Packing Hybrid"):
/// the encoding of definition and repetition levels and of dictionary indices.
///
/// A sequence of runs, each opened by a ULEB128 header: `count << 1` for a repeated run (then the
/// value in `ceil(bitWidth / 8)` little-endian bytes), `groups << 1 | 1` for a bit-packed run of
/// `groups * 8` values, `bitWidth` bits each, least significant bit first. Only the last run may be
/// padded (with zeros), since readers know how many values to take.
enum RLEHybridEncoder {
    /// A repeated run is written for at least this many equal values (shorter stretches bit-pack).
    static let repeatedRunCountMin = 8
    /// Groups of 8 in one bit-packed run, at most: the header stays one byte, as Arrow writes it.
    static let bitPackedGroupCountMax = 63

    /// Encodes `values`, each below `1 << bitWidth`, with `bitWidth` in `0...32`.
    static func encode(_ values: [UInt32], bitWidth: Int) -> [UInt8] {
        precondition((0...32).contains(bitWidth), "bit width \(bitWidth)")
        var output: [UInt8] = []
        var index = 0
        while index < values.count {
            let run = runLength(values, from: index, atMost: Int.max)
            if run >= repeatedRunCountMin {
                writeVarint(UInt64(run) << 1, to: &output)
                var value = values[index]
                for _ in 0..<((bitWidth + 7) / 8) {
                    output.append(UInt8(truncatingIfNeeded: value))
                    value >>= 8
                }
                index += run
                continue
            }
            var end = index
            var groups = 0
            while end < values.count, groups < bitPackedGroupCountMax {
                if groups > 0, runLength(values, from: end, atMost: repeatedRunCountMin) >= repeatedRunCountMin {
                    break
                }
                end += 8
                groups += 1
            }
            writeVarint(UInt64(groups) << 1 | 1, to: &output)
            pack(values[index..<min(end, values.count)], groups: groups, bitWidth: bitWidth, to: &output)
            index = min(end, values.count)
        }
        return output
    }

    /// Bits needed for `maximum` (0 for 0): the width of levels up to a maximum level, and of
    /// dictionary indices (`count - 1`).
    static func bitWidth(forMaximum maximum: UInt32) -> Int {
        maximum == 0 ? 0 : 32 - maximum.leadingZeroBitCount
    }

    private static func runLength(_ values: [UInt32], from start: Int, atMost limit: Int) -> Int {
        let first = values[start]
        var end = start + 1
        while end < values.count, end - start < limit, values[end] == first { end += 1 }
        return end - start
    }

    /// `groups * 8` values, `bitWidth` bits each, LSB first; missing values are zeros.
    private static func pack(_ values: ArraySlice<UInt32>, groups: Int, bitWidth: Int, to output: inout [UInt8]) {
        var buffer: UInt64 = 0
        var bufferedBits = 0
        var written = 0
        var iterator = values.makeIterator()
        while written < groups * 8 {
            let value = UInt64(iterator.next() ?? 0)
            buffer |= value << UInt64(bufferedBits)
            bufferedBits += bitWidth
            while bufferedBits >= 8 {
                output.append(UInt8(truncatingIfNeeded: buffer))
                buffer >>= 8
                bufferedBits -= 8
            }
            written += 1
        }
        // groups * 8 * bitWidth is a multiple of 8 bits: nothing is left over.
    }

    static func writeVarint(_ value: UInt64, to output: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            output.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        output.append(UInt8(rest))
    }
}
