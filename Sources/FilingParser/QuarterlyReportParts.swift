/// Which part of a 10-Q each item heading belongs to, for filings whose `PART I` heading is missing
/// or written in a way `ItemHeading` does not read (both parts number their items from 1).
///
/// For each item, in document order: the part its title names (Part I: Financial Statements, MD&A,
/// Market Risk, Controls and Procedures; Part II: Legal Proceedings, Risk Factors, Unregistered
/// Sales, Defaults, Mine Safety, Other Information, Exhibits …); else the last `PART` heading
/// before it; else the numbering: the items start in Part I, an item only Part II has (`1A`, 5 and
/// up) is in Part II, and numbering that starts again (a second Item 1 after Item 4) switches part.
enum QuarterlyReportParts {
    /// Words of Part I item titles (lower case).
    static let partOneTitleWords = [
        "financial statements", "discussion and analysis", "market risk", "controls and procedures",
    ]
    /// Words of Part II item titles (lower case), past ones included (`Changes in Securities`,
    /// `Submission of Matters to a Vote of Security Holders`).
    static let partTwoTitleWords = [
        "legal proceedings", "risk factors", "unregistered sales", "changes in securities", "defaults",
        "mine safety", "submission of matters", "other information", "exhibits",
    ]

    /// The part (`I` or `II`) of each item.
    ///
    /// - Parameters:
    ///   - numbers: the item numbers as keyed (`1`, `1A`), in document order.
    ///   - titles: their titles, same order and count.
    ///   - headedParts: the numeral of the last `PART` heading before each, or `nil` before the first.
    /// - Returns: one part numeral per item.
    static func parts(numbers: [String], titles: [String], headedParts: [String?]) -> [String] {
        precondition(numbers.count == titles.count && numbers.count == headedParts.count)
        var parts: [String] = []
        parts.reserveCapacity(numbers.count)
        var current = "I"
        var previous: (number: Int, letter: String)?
        for (offset, number) in numbers.enumerated() {
            let order = Self.order(number)
            if let part = Self.part(ofTitle: titles[offset]) ?? headedParts[offset] {
                current = part
            } else if current == "I", order.map({ $0.number >= 5 || !$0.letter.isEmpty }) == true {
                current = "II"
            } else if let order, let previous, (order.number, order.letter) <= (previous.number, previous.letter) {
                current = current == "I" ? "II" : "I"
            }
            parts.append(current)
            previous = order ?? previous
        }
        return parts
    }

    /// The part a title names, or `nil` when it names none or both.
    static func part(ofTitle title: String) -> String? {
        let lowered = title.lowercased()
        let one = partOneTitleWords.contains { lowered.contains($0) }
        let two = partTwoTitleWords.contains { lowered.contains($0) }
        switch (one, two) {
        case (true, false): return "I"
        case (false, true): return "II"
        default: return nil
        }
    }

    /// `1A` → `(1, "A")`; `nil` for a number that is not digits and an optional letter.
    private static func order(_ number: String) -> (number: Int, letter: String)? {
        let digits = number.prefix { $0.isASCII && $0.isNumber }
        guard let value = Int(digits) else { return nil }
        return (value, String(number.dropFirst(digits.count)))
    }
}
