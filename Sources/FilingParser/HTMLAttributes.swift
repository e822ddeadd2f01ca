/// Reads the attributes of one start tag the way libxml2's HTML parser reports them: names in lower
/// case, values with entities decoded.
protocol HTMLAttributeLookup {
    /// The value of attribute `name` (lower case ASCII, no prefix), if present.
    func value(_ name: StaticString) -> UnsafeBufferPointer<UInt8>?
}

/// The attributes of one start tag as libxml2's HTML SAX interface passes them: a NULL-terminated array
/// of name, value pairs of NUL-terminated UTF-8 strings (names already lower-cased by the HTML
/// parser). Valid only during the callback.
struct HTMLAttributes: HTMLAttributeLookup {
    let pairs: UnsafeMutablePointer<UnsafePointer<UInt8>?>?

    /// The value of attribute `name` (lower case ASCII), if present.
    func value(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        guard let pairs else { return nil }
        let wanted = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        var index = 0
        while let attribute = pairs[index] {
            let value = pairs[index + 1]
            index += 2
            guard CString.equals(attribute, wanted), let value else { continue }
            return CString.bytes(value)
        }
        return nil
    }

    /// `true` when `text`, ignoring ASCII case and whitespace, contains `needle` (lower case ASCII
    /// without whitespace): `display: None` contains `display:none`.
    static func containsFolded(_ text: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        let wanted = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = wanted.first else { return true }
        // For a lower-case letter, `byte | 0x20 == first` is exactly `lower(byte) == first`, and
        // cheaper: most of a long style string is skipped by this test alone.
        let isLetter = (0x61...0x7A).contains(first)
        var start = 0
        while start < text.count {
            let byte = text[start]
            if isLetter ? byte | 0x20 == first : lower(byte) == first, matches(text, from: start, wanted) {
                return true
            }
            start += 1
        }
        return false
    }

    private static func matches(
        _ text: UnsafeBufferPointer<UInt8>,
        from start: Int,
        _ wanted: UnsafeBufferPointer<UInt8>
    )
        -> Bool
    {
        var position = start
        for byte in wanted {
            while position < text.count, isSpace(text[position]), byte != 0x20 { position += 1 }
            guard position < text.count, lower(text[position]) == byte else { return false }
            position += 1
        }
        return true
    }

    @inline(__always) private static func lower(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }

    @inline(__always) private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
