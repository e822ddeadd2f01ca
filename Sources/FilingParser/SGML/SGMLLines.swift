/// Line handling for SGML submissions, on bytes (documents may be large and not valid UTF-8).
enum SGMLLines {
    /// CRLF and lone CR become LF; the input is returned unchanged when it has no CR.
    static func normalisingLineBreaks(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x0D) else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                result.append(0x0A)
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else {
                result.append(byte)
            }
            index += 1
        }
        return result
    }

    /// Byte ranges of the lines, without their `\n`.
    static func split(_ bytes: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            lines.append(start..<index)
            start = index + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        return lines
    }

    static func text(_ bytes: [UInt8], _ line: Range<Int>) -> String {
        TextDecoding.decode(bytes[line])
    }

    /// Whether the line starts with `prefix` (ASCII), ignoring case.
    static func hasPrefix(_ bytes: [UInt8], _ line: Range<Int>, _ prefix: String) -> Bool {
        let wanted = Array(prefix.utf8)
        guard line.count >= wanted.count else { return false }
        for (offset, expected) in wanted.enumerated() {
            let byte = bytes[line.lowerBound + offset]
            let lowered = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            let expectedLowered = (0x41...0x5A).contains(expected) ? expected | 0x20 : expected
            if lowered != expectedLowered { return false }
        }
        return true
    }
}
