extension IXTransform {
    /// `1,234.56` → `1234.56`: group separators (comma, space, no-break space, apostrophe) dropped.
    static func numberDotDecimal(_ text: String) -> String? {
        if let ascii = asciiNumberDotDecimal(text) { return ascii }
        var digits = ""
        var sawDigit = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9":
                digits.unicodeScalars.append(scalar)
                sawDigit = true
            case ".": digits.unicodeScalars.append(scalar)
            case ",", " ", "\u{A0}", "'", "\u{2019}", "\u{202F}": continue
            default: return nil
            }
        }
        guard sawDigit else { return nil }
        return DecimalString.canonical(digits)
    }

    /// `numberDotDecimal` on the bytes of ASCII text (nearly every number), in one pass; `.some(nil)`
    /// when the text is not a number, `nil` when it holds a non-ASCII character (the general path
    /// decides).
    private static func asciiNumberDotDecimal(_ text: String) -> String?? {
        var text = text
        return text.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return .some(DecimalString.canonical(utf8: bytes, separators: .digitGroups))
        }
    }

    /// `1.234,56` → `1234.56`.
    static func numberCommaDecimal(_ text: String) -> String? {
        var swapped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case ".": continue
            case ",": swapped.unicodeScalars.append(".")
            default: swapped.unicodeScalars.append(scalar)
            }
        }
        return numberDotDecimal(swapped)
    }

    /// `5 dollars 25 cents` → `5.25` (integer unit, then a two-digit fraction).
    static func numberUnitDecimal(_ text: String) -> String? {
        let groups = text.split { !$0.isNumber && $0 != "," && $0 != "." }.map { $0.filter(\.isNumber) }
        guard let whole = groups.first, !whole.isEmpty, groups.count <= 2 else { return nil }
        let fraction = groups.count == 2 ? groups[1] : ""
        return DecimalString.canonical(fraction.isEmpty ? whole : "\(whole).\(fraction)")
    }

    private static let smallNumbers: [String: Int] = [
        "zero": 0, "no": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
        "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
        "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    private static let multipliers: [String: Int] = [
        "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
        "trillion": 1_000_000_000_000,
    ]

    /// `twenty-three` → `23`, `no`/`none`/`zero` → `0`; plain numerals pass through.
    static func numberWords(_ text: String) -> String? {
        if let number = numberDotDecimal(text) { return number }
        guard let value = wordsValue(text) else { return nil }
        return String(value)
    }

    /// The integer an English number phrase spells, or `nil`.
    static func wordsValue(_ text: String) -> Int? {
        let words = text.lowercased().split { !$0.isLetter }.filter { $0 != "and" }
        guard !words.isEmpty else { return nil }
        var total = 0
        var current = 0
        for word in words {
            if let small = smallNumbers[String(word)] {
                current += small
            } else if let multiplier = multipliers[String(word)] {
                if multiplier == 100 {
                    current = max(current, 1) * 100
                } else {
                    total += max(current, 1) * multiplier
                    current = 0
                }
            } else {
                return nil
            }
        }
        return total + current
    }
}
