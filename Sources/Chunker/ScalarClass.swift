/// Character classes the chunker asks about for every scalar, with an ASCII fast path: Unicode
/// property lookups were half of the chunker's time on a large 10-K.
enum ScalarClass {
    /// Unicode whitespace (`Unicode.Scalar.Properties.isWhitespace`).
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace
    }

    /// A letter or a digit (alphabetic, or with a numeric type).
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x30...0x39).contains(value) || (0x61...0x7A).contains(value | 0x20) }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
