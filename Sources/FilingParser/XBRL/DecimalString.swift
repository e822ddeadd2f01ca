/// Exact decimal arithmetic on strings for fact values: scaling by a power of ten and negation,
/// without going through a binary floating point or a 38-digit `Decimal`.
enum DecimalString {
    /// The canonical form of `text` × 10^`scale`, negated when `negate`: an optional `-`, no leading
    /// zeros (but `0.5`), no trailing fractional zeros, no exponent, `0` for zero.
    ///
    /// - Parameters:
    ///   - text: an `xs:decimal` lexical value (`-12.50`, `+3`, `.5`), surrounding XML whitespace allowed.
    ///   - scale: the `ix:nonFraction` `scale` attribute (power of ten), `0` for none.
    ///   - negate: `sign="-"`.
    /// - Returns: `nil` when `text` is not a decimal number.
    static func canonical(_ text: String, scale: Int = 0, negate: Bool = false) -> String? {
        var scalars = Substring(text.trimmingXMLWhitespace()).unicodeScalars[...]
        var negative = false
        if let first = scalars.first, first == "-" || first == "+" {
            negative = first == "-"
            scalars = scalars.dropFirst()
        }
        var integer: [UInt8] = []
        var fraction: [UInt8] = []
        var seenPoint = false
        for scalar in scalars {
            if scalar == "." {
                guard !seenPoint else { return nil }
                seenPoint = true
            } else if let digit = scalar.properties.numericType == .decimal ? scalar.properties.numericValue : nil,
                scalar.isASCII
            {
                if seenPoint { fraction.append(UInt8(digit)) } else { integer.append(UInt8(digit)) }
            } else {
                return nil
            }
        }
        guard !integer.isEmpty || !fraction.isEmpty, abs(scale) <= 4096 else { return nil }
        let digits = integer + fraction
        let point = integer.count + scale
        var whole: [UInt8]
        var part: [UInt8]
        if point <= 0 {
            whole = []
            part = Array(repeating: 0, count: -point) + digits
        } else if point >= digits.count {
            whole = digits + Array(repeating: 0, count: point - digits.count)
            part = []
        } else {
            whole = Array(digits[..<point])
            part = Array(digits[point...])
        }
        while let first = whole.first, first == 0 { whole.removeFirst() }
        while let last = part.last, last == 0 { part.removeLast() }
        if whole.isEmpty && part.isEmpty { return "0" }
        var result = (negative != negate) ? "-" : ""
        result += whole.isEmpty ? "0" : String(whole.map { Character(String($0)) })
        if !part.isEmpty { result += "." + String(part.map { Character(String($0)) }) }
        return result
    }
}
