/// A block that reads like an item or part heading: `Item 1A. Risk Factors`, `ITEM 7A.`,
/// `Item 2.02 Results of Operations…`, `PART II — OTHER INFORMATION`.
struct ItemHeading: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// `Item …`: the item number as written (upper-cased), e.g. `1A`, `2.02`.
        case item(String)
        /// `Part …`: the roman numeral, e.g. `II`.
        case part(String)
    }

    let kind: Kind
    /// Further items of a combined heading (`Items 1 and 2.` → `["2"]`, `Items 10 through 14` →
    /// `["11", "12", "13", "14"]`); empty for a single item.
    let alsoCovers: [String]
    /// The heading text after the label, e.g. `Risk Factors`; may be empty when the title is in the
    /// next block.
    let title: String

    /// Longest block, in characters, still taken for a heading; longer ones are prose that happens to
    /// start with "Item".
    static let maxHeadingLength = 220

    /// A heading as its grammar splits it, before ranges are spelled out and the title cleaned.
    struct Parts: Equatable {
        enum Label: Equatable {
            /// The first item number as written.
            case item(Substring)
            /// The part's roman numeral as written.
            case part(Substring)
        }
        var label: Label
        /// Further item numbers of a combined heading, each with the separator before it
        /// (`,`, `and`, `through`, `-` …) as written.
        var more: [(separator: Substring, number: Substring)] = []
        /// What follows the label and its punctuation.
        var rest: Substring

        static func == (left: Parts, right: Parts) -> Bool {
            left.label == right.label && left.rest == right.rest
                && left.more.map(\.separator) == right.more.map(\.separator)
                && left.more.map(\.number) == right.more.map(\.number)
        }
    }

    /// Recognises a heading block, or returns `nil`.
    init?(_ written: String) {
        guard Self.startsWithItemOrPart(written) else { return nil }
        let parts: Parts?
        if let scalars = ItemHeadingScanner.scalars(of: written) {
            guard scalars.count <= Self.maxHeadingLength else { return nil }
            parts = ItemHeadingScanner(scalars).parts()
        } else {
            guard written.count <= Self.maxHeadingLength else { return nil }
            parts = Self.partsByPatterns(written)
        }
        guard let parts else { return nil }
        self.init(parts)
    }

    private init(_ parts: Parts) {
        switch parts.label {
        case .item(let first):
            let firstKey = Self.key(first)
            kind = .item(firstKey)
            var more: [String] = []
            for (separator, number) in parts.more {
                let next = number.uppercased()
                let isRange =
                    separator.lowercased().hasPrefix("through") || separator.hasPrefix("-")
                    || separator.hasPrefix("\u{2013}")
                if isRange, let low = Int(more.last ?? firstKey), let high = Int(next), low < high, high - low <= 20 {
                    more += (low + 1...high).map(String.init)
                } else {
                    more.append(next)
                }
            }
            alsoCovers = more
        case .part(let numeral):
            kind = .part(numeral.uppercased())
            alsoCovers = []
        }
        title = Self.title(String(parts.rest), of: kind)
    }

    /// The key of an item number as written: upper case, `16.A` → `16A` (the point stays in `2.02`).
    private static func key(_ number: Substring) -> String {
        let upper = number.uppercased()
        return upper.last?.isLetter == true ? upper.filter { $0 != "." } : upper
    }

    /// The cleaned title, without a repetition of the label (`Item 16.B. | Item 16.B. Code of
    /// Ethics`, `Item 16.H. | H. Mine Safety`).
    private static func title(_ rest: String, of kind: Kind) -> String {
        let title = cleanTitle(rest)
        if let repeated = ItemHeading(title), repeated.kind == kind { return repeated.title }
        if case .item(let key) = kind, let letter = key.last, letter.isLetter,
            title.count > 3, title.hasPrefix("\(letter). ")
        {
            return String(title.dropFirst(3))
        }
        return title
    }

    /// The grammar's regular expressions, for text outside `ItemHeadingScanner`'s alphabet (which
    /// reads the same grammar without them, much faster).
    static func partsByPatterns(_ written: String) -> Parts? {
        var text = written
        // `Items 1-2.` would lose its dash to the label punctuation; spell the range out first.
        if let range = written.wholeMatch(of: Self.dashRangePattern) {
            text = "Items \(range.1) through \(range.2)\(range.3)"
        }
        if let match = text.wholeMatch(of: Self.itemPattern) {
            var parts = Parts(label: .item(match.1), rest: match.2)
            var rest = String(match.2)
            while let extra = rest.wholeMatch(of: Self.combinedPattern) {
                parts.more.append((extra.1, extra.2))
                rest = String(extra.3)
            }
            parts.rest = rest[...]
            return parts
        }
        if let match = text.wholeMatch(of: Self.partPattern) {
            return Parts(label: .part(match.1), rest: match.2)
        }
        return nil
    }

    /// The item number: `2.02` (8-K), `16A`…`16K` or `16.A` (20-F), `1A` …
    nonisolated(unsafe) private static let itemPattern =
        /(?i)\s*items?\s*(\d{1,2}\.\d{2}|16\.?[a-k]\b|\d{1,2}[a-c]?)\s*(?:[\.:\-\u{2013}\u{2014}]\s*)?(.*)/
    /// `Items 1-2 …`, `Items 10–14 …`.
    nonisolated(unsafe) private static let dashRangePattern =
        /(?i)\s*items\s*(\d{1,2}[a-c]?)\s*[\-\u{2013}]\s*(\d{1,2}[a-c]?)\b(.*)/
    /// `, 2`, `and 2`, `& 3`, `through 14` after the first number of an `Items …` heading.
    nonisolated(unsafe) private static let combinedPattern =
        /(?i)\s*(,\s*and|,|and|&|through|to|-|\u{2013})\s*(\d{1,2}[a-c]?)\b\s*(?:[\.:\-\u{2013}\u{2014}]\s*)?(.*)/
    nonisolated(unsafe) private static let partPattern =
        /(?i)\s*part\s+(iv|i{1,3})\b\s*(?:[\.:\-\u{2013}\u{2014}]\s*)?(.*)/

    /// A byte-level pre-check that the text starts (after spaces) with `item` or `part` in any case,
    /// so the regular expressions run only on the few blocks that can be headings.
    static func startsWithItemOrPart(_ text: String) -> Bool {
        var utf8 = text.utf8.drop { $0 == 0x20 || $0 == 0x09 }.prefix(4).makeIterator()
        var word: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = utf8.next() else { return false }
            word = word << 8 | UInt32(byte | 0x20)
        }
        return word == 0x6974_656D || word == 0x7061_7274  // "item", "part"
    }

    /// Drops a trailing page number or `|`-separated table remainder and surrounding punctuation.
    private static func cleanTitle(_ raw: String) -> String {
        let parts = raw.split(separator: "|").map { String($0).trimmingCharacters(in: " .:-\u{2013}\u{2014}") }
        return parts.first { !$0.isEmpty && !$0.allSatisfy(\.isNumber) } ?? ""
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        guard let first = firstIndex(where: { !characters.contains($0) }),
            let last = lastIndex(where: { !characters.contains($0) })
        else { return "" }
        return String(self[first...last])
    }
}
