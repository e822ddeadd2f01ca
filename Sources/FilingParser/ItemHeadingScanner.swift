/// Reads `ItemHeading`'s grammar — the regular expressions in `ItemHeading`, with their case
/// folding, Unicode white space and Unicode (UAX #29) word boundaries — by hand, over an alphabet
/// in which every scalar is a character of its own and no letter folds onto an ASCII one: ASCII
/// without line breaks, Latin-1 letters (but `ß`), a few Latin-1 symbols, and general punctuation
/// (dashes, quotes, spaces). Headings are written in it; text outside it takes the regular
/// expressions. `ItemHeadingScannerTests` checks the two agree.
struct ItemHeadingScanner {
    private let text: [Unicode.Scalar]

    init(_ text: [Unicode.Scalar]) { self.text = text }

    /// The scalars of `written` when all are in the alphabet, else `nil`.
    static func scalars(of written: String) -> [Unicode.Scalar]? {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(written.utf8.count)
        for scalar in written.unicodeScalars {
            guard inAlphabet(scalar.value) else { return nil }
            scalars.append(scalar)
        }
        return scalars
    }

    /// The heading's parts, or `nil` when the text is not one.
    func parts() -> ItemHeading.Parts? {
        if let range = dashRange() {
            let rebuilt =
                Array("Items ".unicodeScalars) + range.low + Array(" through ".unicodeScalars) + range.high
                + range.rest
            return ItemHeadingScanner(rebuilt).itemOrPart()
        }
        return itemOrPart()
    }

    private func itemOrPart() -> ItemHeading.Parts? {
        if let parts = item() { return parts }
        return part()
    }

    // MARK: - The four patterns

    /// `\s*items\s*(\d{1,2}[a-c]?)\s*[-–]\s*(\d{1,2}[a-c]?)\b(.*)`
    private func dashRange() -> (
        low: ArraySlice<Unicode.Scalar>, high: ArraySlice<Unicode.Scalar>, rest: ArraySlice<Unicode.Scalar>
    )? {
        var position = skipSpaces(from: 0)
        guard let afterWord = word("items", at: position) else { return nil }
        position = skipSpaces(from: afterWord)
        guard let low = number(at: position) else { return nil }
        position = skipSpaces(from: low)
        guard position < text.count, isRangeDash(text[position]) else { return nil }
        let highStart = skipSpaces(from: position + 1)
        guard let high = number(at: highStart), isWordBoundary(at: high) else { return nil }
        let lowStart = skipSpaces(from: afterWord)
        return (text[lowStart..<low], text[highStart..<high], text[high...])
    }

    /// `\s*items?\s*(\d{1,2}\.\d{2}|16\.?[a-k]\b|\d{1,2}[a-c]?)\s*(?:[.:\-–—]\s*)?(.*)`, then the
    /// combined pattern as long as it matches what is left.
    private func item() -> ItemHeading.Parts? {
        var position = skipSpaces(from: 0)
        guard var afterWord = word("item", at: position) else { return nil }
        if afterWord < text.count, folded(text[afterWord]) == "s" { afterWord += 1 }
        position = skipSpaces(from: afterWord)
        guard let end = itemNumber(at: position) else { return nil }
        var parts = ItemHeading.Parts(label: .item(substring(position..<end)), rest: "")
        var rest = skipLabelPunctuation(from: end)
        while let (separator, number, next) = combined(at: rest) {
            parts.more.append((separator, number))
            rest = next
        }
        parts.rest = substring(rest..<text.count)
        return parts
    }

    /// `\s*(,\s*and|,|and|&|through|to|-|–)\s*(\d{1,2}[a-c]?)\b\s*(?:[.:\-–—]\s*)?(.*)` at `start`:
    /// the separator, the number and where the rest starts.
    private func combined(at start: Int) -> (Substring, Substring, Int)? {
        let position = skipSpaces(from: start)
        for separatorEnd in separatorEnds(at: position) {
            let numberStart = skipSpaces(from: separatorEnd)
            guard let numberEnd = number(at: numberStart), isWordBoundary(at: numberEnd) else { continue }
            return (
                substring(position..<separatorEnd),
                substring(numberStart..<numberEnd),
                skipLabelPunctuation(from: numberEnd)
            )
        }
        return nil
    }

    /// `\s*part\s+(iv|i{1,3})\b\s*(?:[.:\-–—]\s*)?(.*)`
    private func part() -> ItemHeading.Parts? {
        let start = skipSpaces(from: 0)
        guard let afterWord = word("part", at: start) else { return nil }
        let numeralStart = skipSpaces(from: afterWord)
        guard numeralStart > afterWord else { return nil }
        var candidates: [Int] = []
        if let end = word("iv", at: numeralStart) { candidates.append(end) }
        var ones = numeralStart
        while ones < text.count, ones - numeralStart < 3, folded(text[ones]) == "i" { ones += 1 }
        // `i{1,3}` is greedy: the longest run first, then shorter ones.
        if ones > numeralStart { candidates += (numeralStart + 1...ones).reversed() }
        guard let end = candidates.first(where: { isWordBoundary(at: $0) }) else { return nil }
        let rest = skipLabelPunctuation(from: end)
        return ItemHeading.Parts(label: .part(substring(numeralStart..<end)), rest: substring(rest..<text.count))
    }

    // MARK: - Pieces

    /// `\d{1,2}\.\d{2}|16\.?[a-k]\b|\d{1,2}[a-c]?` at `start`: its end.
    private func itemNumber(at start: Int) -> Int? {
        let digits = digitRun(at: start)
        guard digits > 0 else { return nil }
        // `\d{1,2}\.\d{2}`: only the whole run of one or two digits can be followed by the point.
        if digits <= 2, start + digits + 2 < text.count, text[start + digits] == ".",
            isDigit(text[start + digits + 1]), isDigit(text[start + digits + 2])
        {
            return start + digits + 3
        }
        // `16\.?[a-k]\b`: the 20-F's Items 16A–16K.
        if digits == 2, text[start] == "1", text[start + 1] == "6" {
            var letter = start + 2
            if letter < text.count, text[letter] == "." { letter += 1 }
            if letter < text.count, ("a"..."k").contains(folded(text[letter])), isWordBoundary(at: letter + 1) {
                return letter + 1
            }
        }
        return number(at: start)
    }

    /// `\d{1,2}[a-c]?` at `start`, greedy: its end. (A shorter match would leave a letter or digit
    /// next, where the patterns need a boundary, a space or a dash.)
    private func number(at start: Int) -> Int? {
        let digits = min(digitRun(at: start), 2)
        guard digits > 0 else { return nil }
        var end = start + digits
        if end < text.count, ("a"..."c").contains(folded(text[end])) { end += 1 }
        return end
    }

    /// The separators of the combined pattern that match at `start`, in the pattern's order: their ends.
    private func separatorEnds(at start: Int) -> [Int] {
        var ends: [Int] = []
        if start < text.count, text[start] == "," {
            if let end = word("and", at: skipSpaces(from: start + 1)) { ends.append(end) }
            ends.append(start + 1)
        }
        for written in ["and", "&", "through", "to", "-", "\u{2013}"] {
            if let end = word(written, at: start) { ends.append(end) }
        }
        return ends
    }

    /// `\s*(?:[.:\-–—]\s*)?` from `start`: where it ends.
    private func skipLabelPunctuation(from start: Int) -> Int {
        let position = skipSpaces(from: start)
        guard position < text.count, [".", ":", "-", "\u{2013}", "\u{2014}"].contains(text[position]) else {
            return position
        }
        return skipSpaces(from: position + 1)
    }

    /// `word` (lower case ASCII) at `start` in any case: its end.
    private func word(_ word: String, at start: Int) -> Int? {
        var position = start
        for expected in word.unicodeScalars {
            guard position < text.count, folded(text[position]) == expected else { return nil }
            position += 1
        }
        return position
    }

    private func skipSpaces(from start: Int) -> Int {
        var position = start
        while position < text.count, Self.isSpace(text[position]) { position += 1 }
        return position
    }

    private func digitRun(at start: Int) -> Int {
        var end = start
        while end < text.count, isDigit(text[end]) { end += 1 }
        return end - start
    }

    private func substring(_ range: Range<Int>) -> Substring {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: text[range])
        return Substring(String(view))
    }

    // MARK: - Word boundaries (UAX #29, as the regular expressions use them)

    private enum WordClass {
        case letter, numeric, extendNumLet, midLetter, midNum, midNumLet, singleQuote, other
    }

    /// Whether a word boundary falls before `position`, which follows a letter or a digit.
    private func isWordBoundary(at position: Int) -> Bool {
        guard position > 0, position < text.count else { return true }
        let before = Self.wordClass(text[position - 1])
        let after = Self.wordClass(text[position])
        switch after {
        case .letter, .numeric, .extendNumLet:
            return !(before == .letter || before == .numeric || before == .extendNumLet)
        case .midLetter, .midNum, .midNumLet, .singleQuote:
            guard position + 1 < text.count else { return true }
            let next = Self.wordClass(text[position + 1])
            // WB6/7: letter (MidLetter | MidNumLet | ') × letter; WB11/12: digit (MidNum | MidNumLet | ') × digit.
            if before == .letter, next == .letter, after != .midNum { return false }
            if before == .numeric, next == .numeric, after != .midLetter { return false }
            return true
        case .other:
            return true
        }
    }

    private static func wordClass(_ scalar: Unicode.Scalar) -> WordClass {
        switch scalar.value {
        case 0x30...0x39: return .numeric
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0xFF: return .letter
        case 0x5F: return .extendNumLet
        case 0x3A, 0x2027: return .midLetter
        case 0x2C, 0x3B, 0x2044: return .midNum
        case 0x2E, 0x2018, 0x2019, 0x2024: return .midNumLet
        case 0x27: return .singleQuote
        default: return .other
        }
    }

    // MARK: - The alphabet

    /// Tab and printable ASCII; no-break space, `§ © ®`; Latin-1 letters but `ß`, `×`, `÷`;
    /// general punctuation from U+2000 but zero-width and direction marks, line and paragraph
    /// separators, and `‿ ⁀ ⁔` (which join words).
    private static func inAlphabet(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x20...0x7E, 0xA0, 0xA7, 0xA9, 0xAE: return true
        case 0xC0...0xFF: return value != 0xD7 && value != 0xDF && value != 0xF7
        case 0x2000...0x200A, 0x2010...0x2027, 0x202F...0x203E, 0x2041...0x2053, 0x2055...0x205F: return true
        default: return false
        }
    }

    /// `\s`: Unicode white space (within the alphabet: tab, space, no-break space and the
    /// general-punctuation spaces).
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool { WhitespaceCollapsingBuffer.isWhiteSpace(scalar) }

    private func isDigit(_ scalar: Unicode.Scalar) -> Bool { (0x30...0x39).contains(scalar.value) }

    /// ASCII letters lower-cased; within the alphabet no other scalar folds onto one.
    private func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value) | 0x20) : scalar
    }

    private func isRangeDash(_ scalar: Unicode.Scalar) -> Bool { scalar == "-" || scalar == "\u{2013}" }
}
