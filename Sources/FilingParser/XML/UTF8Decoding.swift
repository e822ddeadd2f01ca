/// `String`s made from UTF-8 bytes the parser produced (fact texts run to hundreds of kilobytes):
/// validated with ASCII runs skipped eight bytes at a time, then copied once without the standard
/// library validating them again byte by byte. Ill-formed input is repaired (U+FFFD) exactly as
/// `String(decoding:as:)` repairs it.
enum UTF8Decoding {
    /// `bytes` as a `String`, ill-formed sequences replaced by U+FFFD.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let isASCII = wellFormedIsASCII(bytes) else { return String(decoding: bytes, as: UTF8.self) }
        return String(copying: UTF8Span(unchecked: Span(_unsafeElements: bytes), isKnownASCII: isASCII))
    }

    /// `bytes` as a `String`, ill-formed sequences replaced by U+FFFD.
    static func string(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { string($0) }
    }

    /// Whether `bytes` are all ASCII when they are well-formed UTF-8 (Unicode 3.9, table 3-7: no
    /// overlong forms, no surrogates, nothing past U+10FFFF); `nil` when they are not.
    static func wellFormedIsASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        let raw = UnsafeRawBufferPointer(bytes)
        let count = bytes.count
        var isASCII = true
        var index = 0
        while index < count {
            while index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & highBits == 0 {
                index += 8
            }
            guard index < count else { break }
            let lead = bytes[index]
            guard lead >= 0x80 else {
                index += 1
                continue
            }
            isASCII = false
            guard let length = sequenceLength(bytes, at: index) else { return nil }
            index += length
        }
        return isASCII
    }

    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The length of the well-formed multi-byte sequence at `index`, or `nil`.
    private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        let length: Int
        // The range the second byte must fall in; later ones are any continuation byte.
        let second: ClosedRange<UInt8>
        switch lead {
        case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
        case 0xE0: (length, second) = (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
        case 0xED: (length, second) = (3, 0x80...0x9F)
        case 0xF0: (length, second) = (4, 0x90...0xBF)
        case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
        case 0xF4: (length, second) = (4, 0x80...0x8F)
        default: return nil
        }
        guard index + length <= bytes.count, second.contains(bytes[index + 1]) else { return nil }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return nil }
        return length
    }
}
