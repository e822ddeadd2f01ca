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
        // Bytes, not scalars: only ASCII digits count, so any other byte (UTF-8 included) fails.
        var utf8 = Substring(text).utf8[...]
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        while let first = utf8.first, isSpace(first) { utf8 = utf8.dropFirst() }
        while let last = utf8.last, isSpace(last) { utf8 = utf8.dropLast() }
        var negative = false
        if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            utf8 = utf8.dropFirst()
        }
        var integer: [UInt8] = []
        var fraction: [UInt8] = []
        var seenPoint = false
        for byte in utf8 {
            if byte == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                if seenPoint { fraction.append(byte) } else { integer.append(byte) }
            } else {
                return nil
            }
        }
        guard !integer.isEmpty || !fraction.isEmpty, abs(scale) <= 4096 else { return nil }
        let zero = UInt8(ascii: "0")
        let digits = integer + fraction
        let point = integer.count + scale
        var whole: ArraySlice<UInt8>
        var part: ArraySlice<UInt8>
        if point <= 0 {
            whole = []
            part = (Array(repeating: zero, count: -point) + digits)[...]
        } else if point >= digits.count {
            whole = (digits + Array(repeating: zero, count: point - digits.count))[...]
            part = []
        } else {
            whole = digits[..<point]
            part = digits[point...]
        }
        while let first = whole.first, first == zero { whole = whole.dropFirst() }
        while let last = part.last, last == zero { part = part.dropLast() }
        if whole.isEmpty && part.isEmpty { return "0" }
        var result: [UInt8] = []
        result.reserveCapacity(whole.count + part.count + 3)
        if negative != negate { result.append(UInt8(ascii: "-")) }
        if whole.isEmpty { result.append(zero) } else { result.append(contentsOf: whole) }
        if !part.isEmpty {
            result.append(UInt8(ascii: "."))
            result.append(contentsOf: part)
        }
        return String(decoding: result, as: UTF8.self)
    }
}
