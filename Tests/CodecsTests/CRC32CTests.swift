import Codecs
import Testing

/// The hardware CRC-32C path against the table-driven reference: seeded random bytes of every
/// length up to 300 and some longer, at every start offset within a word, and continued checksums.
@Suite struct CRC32CTests {
    /// SplitMix64: a small seeded generator, so a failure replays from its seed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    @Test func hardwareEqualsSoftwareOnRandomInputs() {
        var generator = SplitMix(state: 12)
        let lengths = Array(0...300) + [511, 4_096, 65_537, 1 << 20]
        for length in lengths {
            let bytes = (0..<(length + 8)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let previous = UInt32.random(in: 0...UInt32.max, using: &generator)
            bytes.withUnsafeBytes { all in
                for alignment in 0..<8 {
                    let slice = UnsafeRawBufferPointer(rebasing: all[alignment..<(alignment + length)])
                    let reference = CRC32C.software(slice)
                    #expect(CRC32C.checksum(slice) == reference, "length \(length) offset \(alignment)")
                    #expect(
                        CRC32C.checksum(slice, continuing: previous) == CRC32C.software(slice, continuing: previous)
                    )
                    #expect(CRC32C.checksum(Array(slice)) == reference)
                }
            }
        }
    }

    @Test func theBuildMachineUsesTheInstruction() {
        #if arch(x86_64)
        // Every x86-64 CPU since 2008 has SSE4.2; a `false` here means detection is broken.
        #expect(CRC32C.isHardwareAccelerated)
        #endif
    }
}
