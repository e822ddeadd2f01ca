import Testing

@testable import Parquet

/// The RLE / bit-packing hybrid against the spec's worked example and on seeded random sequences of
/// every bit width, mixing long runs (repeated runs) and noise (bit-packed runs).
@Suite struct RLEHybridTests {
    @Test func bitPackedRunMatchesTheSpecExample() {
        // Encodings.md: 0...7 with bit width 3 pack into 0x88 0xC6 0xFA after the header (1 group).
        #expect(RLEHybridEncoder.encode(Array(0...7), bitWidth: 3) == [0x03, 0x88, 0xC6, 0xFA])
    }

    @Test func longRunsBecomeRepeatedRuns() {
        // 10 ones at bit width 1: header 10 << 1 = 0x14, then the value in one byte.
        #expect(RLEHybridEncoder.encode(Array(repeating: 1, count: 10), bitWidth: 1) == [0x14, 0x01])
        // A 300-entry run at width 9 takes a two-byte varint header and a two-byte value.
        #expect(RLEHybridEncoder.encode(Array(repeating: 0x1FF, count: 300), bitWidth: 9) == [0xD8, 0x04, 0xFF, 0x01])
    }

    @Test func bitWidthsCoverTheMaximum() {
        #expect(RLEHybridEncoder.bitWidth(forMaximum: 0) == 0)
        #expect(RLEHybridEncoder.bitWidth(forMaximum: 1) == 1)
        #expect(RLEHybridEncoder.bitWidth(forMaximum: 2) == 2)
        #expect(RLEHybridEncoder.bitWidth(forMaximum: 255) == 8)
        #expect(RLEHybridEncoder.bitWidth(forMaximum: 256) == 9)
        #expect(RLEHybridEncoder.bitWidth(forMaximum: UInt32.max) == 32)
    }

    @Test func randomSequencesRoundTripAtEveryWidth() throws {
        var generator = SplitMix(state: 14)
        for bitWidth in 0...32 {
            let maximum: UInt64 = bitWidth == 0 ? 0 : (1 << UInt64(bitWidth)) - 1
            for _ in 0..<20 {
                var values: [UInt32] = []
                let target = Int.random(in: 0...2_000, using: &generator)
                while values.count < target {
                    let value = UInt32(UInt64.random(in: 0...maximum, using: &generator))
                    let run = Bool.random(using: &generator) ? Int.random(in: 1...40, using: &generator) : 1
                    values.append(contentsOf: repeatElement(value, count: min(run, target - values.count)))
                }
                let encoded = RLEHybridEncoder.encode(values, bitWidth: bitWidth)
                let decoded = try RLEHybridDecoder.decode(
                    encoded,
                    encoded.indices,
                    bitWidth: bitWidth,
                    count: values.count,
                    pageOffset: 0
                )
                #expect(decoded == values, "bit width \(bitWidth), \(values.count) values")
            }
        }
    }

    @Test func runsThatEndEarlyAreCorruption() {
        let encoded = RLEHybridEncoder.encode(Array(repeating: 3, count: 20), bitWidth: 2)
        #expect(throws: ParquetError.self) {
            try RLEHybridDecoder.decode(encoded, encoded.indices, bitWidth: 2, count: 21, pageOffset: 7)
        }
        // A repeated value wider than the bit width.
        #expect(throws: ParquetError.self) {
            try RLEHybridDecoder.decode([0x10, 0x05], 0..<2, bitWidth: 2, count: 8, pageOffset: 7)
        }
    }
}
