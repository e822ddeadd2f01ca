/// Exact decimal arithmetic on strings for fact values: scaling by a power of ten and negation,
/// without going through a binary floating point or a 38-digit `Decimal`.
enum DecimalString {
    /// What may stand between the digits besides one `.`.
    enum Separators {
        /// Nothing: an `xs:decimal` lexical value, with an optional sign and XML whitespace around it.
        case none
        /// Group separators as `ixt:num-dot-decimal` drops them — `,`, space and `'` anywhere — and no
        /// sign.
        case digitGroups
        /// `digitGroups`, and tab, CR and LF as well: the text before XML whitespace collapsing, which
        /// turns each run of them into a space or nothing.
        case digitGroupsInRawText
    }

    /// Scales (`-4096...4096`) beyond which a value is refused rather than written out in full.
    static let scaleMagnitudeMax = 4096

    /// The canonical form of `text` × 10^`scale`, negated when `negate`: an optional `-`, no leading
    /// zeros (but `0.5`), no trailing fractional zeros, no exponent, `0` for zero.
    ///
    /// - Parameters:
    ///   - text: an `xs:decimal` lexical value (`-12.50`, `+3`, `.5`), surrounding XML whitespace allowed.
    ///   - scale: the `ix:nonFraction` `scale` attribute (power of ten), `0` for none.
    ///   - negate: `sign="-"`.
    /// - Returns: `nil` when `text` is not a decimal number.
    static func canonical(_ text: String, scale: Int = 0, negate: Bool = false) -> String? {
        var text = text
        return text.withUTF8 { canonical(utf8: $0, scale: scale, negate: negate) }
    }

    /// `canonical(_:scale:negate:)` on UTF-8 bytes, in one pass over them and one write of the result;
    /// with `separators` other than `.none`, the digits may be grouped (and no sign is allowed).
    ///
    /// - Returns: `nil` when the bytes are not a number of that form, or `scale` is out of bounds.
    static func canonical(
        utf8 bytes: UnsafeBufferPointer<UInt8>,
        scale: Int = 0,
        negate: Bool = false,
        separators: Separators = .none
    ) -> String? {
        guard abs(scale) <= scaleMagnitudeMax else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { digits in
            guard let number = Self.digits(of: bytes, into: digits, separators: separators) else { return nil }
            return format(number, digits: UnsafeBufferPointer(digits), scale: scale, negate: negate)
        }
    }

    /// The digits of a number written in `bytes` (integer and fraction together), where its point
    /// falls among them, and its sign.
    private struct Number {
        var count = 0
        var integerCount = 0
        var isNegative = false
    }

    /// Copies the digits of `bytes` to `digits`; `nil` for anything but a number.
    private static func digits(
        of bytes: UnsafeBufferPointer<UInt8>,
        into digits: UnsafeMutableBufferPointer<UInt8>,
        separators: Separators
    ) -> Number? {
        var start = 0
        var end = bytes.count
        var number = Number()
        if separators == .none {
            while start < end, isXMLSpace(bytes[start]) { start += 1 }
            while end > start, isXMLSpace(bytes[end - 1]) { end -= 1 }
            if start < end, bytes[start] == UInt8(ascii: "-") || bytes[start] == UInt8(ascii: "+") {
                number.isNegative = bytes[start] == UInt8(ascii: "-")
                start += 1
            }
        }
        var seenPoint = false
        for index in start..<end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits[number.count] = byte
                number.count += 1
                if !seenPoint { number.integerCount += 1 }
            case UInt8(ascii: "."):
                guard !seenPoint else { return nil }
                seenPoint = true
            case UInt8(ascii: ","), UInt8(ascii: " "), UInt8(ascii: "'"):
                guard separators != .none else { return nil }
            case 0x09, 0x0A, 0x0D:
                guard separators == .digitGroupsInRawText else { return nil }
            default:
                return nil
            }
        }
        return number.count > 0 ? number : nil
    }

    /// Writes `number` × 10^`scale`, negated when `negate`, in canonical form.
    private static func format(
        _ number: Number,
        digits: UnsafeBufferPointer<UInt8>,
        scale: Int,
        negate: Bool
    ) -> String {
        let zero = UInt8(ascii: "0")
        let count = number.count
        guard let first = digits[..<count].firstIndex(where: { $0 != zero }),
            let last = digits[..<count].lastIndex(where: { $0 != zero })
        else { return "0" }
        // The point falls before digit `point` (negative: that many zeros before the first digit).
        let point = number.integerCount + scale
        let wholeEnd = min(point, count)
        let wholePadding = max(0, point - count)
        let fractionStart = max(point, 0)
        let fractionZeros = max(0, -point)
        let hasWhole = first < point
        let hasFraction = last >= fractionStart
        let capacity = 3 + max(point, 0) + fractionZeros + count
        return String(unsafeUninitializedCapacity: capacity) { output in
            var length = 0
            func write(_ byte: UInt8) {
                output[length] = byte
                length += 1
            }
            if number.isNegative != negate { write(UInt8(ascii: "-")) }
            if hasWhole {
                for index in first..<wholeEnd { write(digits[index]) }
                for _ in 0..<wholePadding { write(zero) }
            } else {
                write(zero)
            }
            if hasFraction {
                write(UInt8(ascii: "."))
                for _ in 0..<fractionZeros { write(zero) }
                for index in fractionStart...last { write(digits[index]) }
            }
            return length
        }
    }

    private static func isXMLSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
