/// A passage's UTF-8 bytes with ASCII letters lowercased: substring tests without `Foundation`
/// (which costs ~1 µs a call on Linux) for `BoilerplateClassifier`, which tests every candidate.
struct LoweredBytes {
    let bytes: [UInt8]

    init(_ text: String) {
        bytes = text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    /// Whether `needle` (lowercase) occurs.
    func contains(_ needle: String) -> Bool { first(of: needle, from: 0) != nil }

    /// Non-overlapping occurrences of `needle` (lowercase).
    func occurrences(of needle: String) -> Int {
        var count = 0
        var start = 0
        while let found = first(of: needle, from: start) {
            count += 1
            start = found + needle.utf8.count
        }
        return count
    }

    func first(of needle: String, from start: Int) -> Int? {
        var needle = needle
        return needle.withUTF8 { pattern -> Int? in
            guard let head = pattern.first, start + pattern.count <= bytes.count else { return nil }
            let last = bytes.count - pattern.count
            var index = start
            while index <= last {
                if bytes[index] == head {
                    var offset = 1
                    while offset < pattern.count, bytes[index + offset] == pattern[offset] { offset += 1 }
                    if offset == pattern.count { return index }
                }
                index += 1
            }
            return nil
        }
    }

    /// The share of the bytes before `offset`, in `0...1`.
    func share(before offset: Int) -> Double { bytes.isEmpty ? 0 : Double(offset) / Double(bytes.count) }

    /// Runs of non-whitespace bytes.
    var wordCount: Int {
        var count = 0
        var inWord = false
        for byte in bytes {
            let space = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if !space, !inWord { count += 1 }
            inWord = !space
        }
        return count
    }

    var digitCount: Int { bytes.reduce(0) { $0 + ($1 >= 0x30 && $1 <= 0x39 ? 1 : 0) } }

    /// Tokens shaped like exhibit numbers: 1-3 digits, a dot, 1-3 digits or letters (`10.1`,
    /// `99.1`, `101.INS`), standing alone between spaces or `|` (a trailing `*` or `†` allowed).
    var exhibitNumberCount: Int {
        var count = 0
        var index = 0
        let end = bytes.count
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        func isSeparator(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x7C }
        while index < end {
            guard index == 0 || isSeparator(bytes[index - 1]), isDigit(bytes[index]) else {
                index += 1
                continue
            }
            var cursor = index
            while cursor < end, isDigit(bytes[cursor]) { cursor += 1 }
            let whole = cursor - index
            guard (1...3).contains(whole), cursor < end, bytes[cursor] == 0x2E else {
                index = cursor
                continue
            }
            cursor += 1
            let fractionStart = cursor
            while cursor < end, isDigit(bytes[cursor]) || (bytes[cursor] >= 0x61 && bytes[cursor] <= 0x7A) {
                cursor += 1
            }
            let fraction = cursor - fractionStart
            while cursor < end, bytes[cursor] == 0x2A { cursor += 1 }
            if (1...3).contains(fraction), cursor == end || isSeparator(bytes[cursor]) { count += 1 }
            index = cursor
        }
        return count
    }
}
