import Glibc

/// The attributes of one start tag the text extractor reads, as libxml2's HTML parser reports them
/// (names matched in lower case, values with entities decoded).
protocol HTMLAttributeLookup {
    /// The value of the first `style` attribute, if any.
    var style: UnsafeBufferPointer<UInt8>? { get }
    /// The value of the first `face` attribute, if any.
    var face: UnsafeBufferPointer<UInt8>? { get }
}

/// The attributes of one start tag as libxml2's HTML SAX interface passes them: a NULL-terminated array
/// of name, value pairs of NUL-terminated UTF-8 strings (names already lower-cased by the HTML
/// parser). Valid only during the callback.
struct HTMLAttributes: HTMLAttributeLookup {
    let pairs: UnsafeMutablePointer<UnsafePointer<UInt8>?>?

    var style: UnsafeBufferPointer<UInt8>? { value("style") }
    var face: UnsafeBufferPointer<UInt8>? { value("face") }

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
        guard (0x61...0x7A).contains(first) else {
            return text.indices.contains { lower(text[$0]) == first && matches(text, from: $0, wanted) }
        }
        var start = 0
        while let candidate = nextLetter(first, in: text, from: start) {
            if matches(text, from: candidate, wanted) { return true }
            start = candidate + 1
        }
        return false
    }

    /// The first index from `start` whose byte is the lower-case letter `letter` in either case:
    /// two `memchr` calls (the second only up to the first's hit), which scan many bytes per step.
    /// Style strings run to hundreds of bytes and are scanned for every element.
    private static func nextLetter(_ letter: UInt8, in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = text.baseAddress, start < text.count else { return nil }
        let from = base + start
        let lower = memchr(from, Int32(letter), text.count - start)
        let lowerOffset = lower.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
        let upper = memchr(from, Int32(letter & ~0x20), (lowerOffset ?? text.count) - start)
        return upper.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? lowerOffset
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
