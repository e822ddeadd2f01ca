import Foundation

/// Writes a string's JSON escaping, byte for byte as `JSONEncoder` (with `.withoutEscapingSlashes`)
/// escapes it: `\"`, `\\`, `\b \t \n \f \r`, other C0 controls as `\u00xx`; everything else as UTF-8.
enum JSONStringEscaper {
    /// Bytes per piece handed to a sink.
    static let pieceBytes = 64 * 1024

    /// Writes the escaping of `text` to `sink` in pieces of about `pieceBytes`.
    static func write(_ text: Substring, to sink: (Data) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var piece: [UInt8] = []
            piece.reserveCapacity(pieceBytes + 8)
            var start = 0
            while start < bytes.count {
                let end = min(start + pieceBytes, bytes.count)
                append(UnsafeBufferPointer(rebasing: bytes[start..<end]), to: &piece)
                sink(Data(piece))
                piece.removeAll(keepingCapacity: true)
                start = end
            }
        }
    }

    /// Appends the escaping of `text` to `output`.
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { append($0, to: &output) }
    }

    /// Appends the escaping of UTF-8 `bytes` to `output`; runs that need none are copied whole.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var runStart = 0
        var index = 0
        while index < bytes.count {
            // Eight bytes at a time past words with nothing to escape (nearly all of a filing's text).
            if index + 8 <= bytes.count, let base = bytes.baseAddress,
                !needsEscaping(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            {
                index += 8
                continue
            }
            let byte = bytes[index]
            index += 1
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index - 1]))
            runStart = index
            switch byte {
            case 0x22: output.append(contentsOf: [0x5C, 0x22])
            case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
            case 0x08: output.append(contentsOf: [0x5C, 0x62])
            case 0x09: output.append(contentsOf: [0x5C, 0x74])
            case 0x0A: output.append(contentsOf: [0x5C, 0x6E])
            case 0x0C: output.append(contentsOf: [0x5C, 0x66])
            case 0x0D: output.append(contentsOf: [0x5C, 0x72])
            default:
                output.append(contentsOf: [
                    0x5C, 0x75, 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)],
                ])
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }

    /// Whether any byte of `word` is below 0x20, `"` or `\\` (the classic "has a zero byte" test on
    /// the word XOR-ed with each value, and on the word itself for "less than").
    @inline(__always) private static func needsEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (0x22 &* ones)
        let backslash = word ^ (0x5C &* ones)
        let below = (word &- 0x20 &* ones) & ~word
        let zero = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
        return (below | zero) & high != 0
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
