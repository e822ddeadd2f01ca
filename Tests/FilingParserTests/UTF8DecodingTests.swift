import Testing

@testable import FilingParser

/// `UTF8Decoding` skips the standard library's validation, so it must accept exactly what that
/// validation accepts. Goal: the same `String` as `String(decoding:as:)` for every input.
/// Strategy: every one- and two-byte input, every three- and four-byte sequence under each lead
/// byte class, then seeded random mixes of ASCII, well-formed and broken sequences at every offset
/// of the eight-byte ASCII skip. Invariant: equal strings, and `wellFormedIsASCII` is `nil` exactly
/// when the standard library repairs something.
@Suite struct UTF8DecodingTests {
    private func check(_ bytes: [UInt8]) {
        let expected = String(decoding: bytes, as: UTF8.self)
        let string = UTF8Decoding.string(bytes)
        #expect(string == expected && Array(string.utf8) == Array(expected.utf8), "\(bytes)")
        let isWellFormed = bytes.withUnsafeBufferPointer { UTF8Decoding.wellFormedIsASCII($0) } != nil
        #expect(isWellFormed == (Array(expected.utf8) == bytes), "\(bytes)")
    }

    @Test func shortInputs() {
        check([])
        for first in UInt8.min...UInt8.max {
            check([first])
            for second in UInt8.min...UInt8.max { check([first, second]) }
        }
    }

    @Test func longerSequences() {
        let probes: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xF4, 0xFF]
        for lead in [UInt8](0xC0...0xFF) {
            for second in probes {
                for third in probes {
                    check([lead, second, third])
                    for fourth in probes { check([lead, second, third, fourth]) }
                }
            }
        }
    }

    @Test func randomMixes() {
        var generator = MalformedInputTests.SplitMix64(state: 0x5EC_ED6A)
        let pieces: [[UInt8]] = [
            Array("abcdefgh".utf8), Array("é".utf8), Array("—".utf8), Array("😀".utf8), [0xC2, 0xA0], [0x80],
            [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC1, 0xBF], [0x41],
        ]
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 12) {
                bytes += pieces[Int(generator.next() % UInt64(pieces.count))]
            }
            check(bytes)
        }
    }
}
