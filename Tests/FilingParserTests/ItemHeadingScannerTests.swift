import Testing

@testable import FilingParser

/// Goal: `ItemHeadingScanner` reads headings exactly as `ItemHeading`'s regular expressions do.
/// Strategy: seeded random texts built from heading words, numbers, separators, punctuation, word
/// joiners (`.` `'` `’` `:` `,` `_`) and spaces of every kind in the scanner's alphabet, each
/// compared with the regular expressions (the oracle): same parts, or both `nil`.
@Suite struct ItemHeadingScannerTests {
    private static let pieces = [
        "Item", "ITEMS", "items", "Item ", "Items ", "Part", "PART ", "part ", "1", "12", "123", "1A", "1a", "2.02",
        "2.0", "7a", "9C", "iv", "IV", "II", "III", "IIII", "I", "v", ", ", ",", "and", "AND", "&", "through",
        "to", "-", "\u{2013}", "\u{2014}", ".", ":", " ", "  ", "\u{A0}", "\u{2003}", "\t", "’", "'", "‘", "_", "x",
        "b", "Business", "Risk Factors", " | ", "5", "’s", "\u{2027}", "\u{2044}", "é", ";", "(", "Reserved",
        "16", "16.", "16A", "16.B", "16.k", "16.L", "16j", "A", "Audit", "h",
    ]

    private static let numbers = [
        "1", "2", "3", "10", "14", "1A", "7a", "2.02", "12", "9b", "15 ", "16", "16.A", "16H", "16.j", "16.Ab",
    ]
    private static let separators = [
        ", ", ",", " and ", ", and ", "&", " through ", " to ", "-", "\u{2013}", " \u{2013} ", ". ", ",2", "_", "’",
    ]

    @Test func agreesWithTheRegularExpressions() {
        var generator = MalformedInputTests.SplitMix64(state: 0x17E_4EAD)
        var compared = 0
        var headings = 0
        var combined = 0
        for _ in 0..<30_000 {
            let start =
                ["Item ", "Items ", "Part ", "ITEM", " item", "PART", "Items"].randomElement(using: &generator) ?? ""
            var text = start
            for index in 0..<Int.random(in: 1...7, using: &generator) {
                // Half the texts alternate numbers and separators, as combined headings do.
                let structured = text.utf8.count % 2 == 0
                let choices = structured ? (index % 2 == 0 ? Self.numbers : Self.separators) : Self.pieces
                text += choices.randomElement(using: &generator) ?? ""
            }
            guard let scalars = ItemHeadingScanner.scalars(of: text) else { continue }
            compared += 1
            let fast = ItemHeadingScanner(scalars).parts()
            let expected = ItemHeading.partsByPatterns(text)
            #expect(fast == expected, "\(text.debugDescription)")
            if expected != nil { headings += 1 }
            if expected?.more.isEmpty == false { combined += 1 }
        }
        #expect(compared > 25_000)
        #expect(headings > 5_000)
        #expect(combined > 200)
    }

    @Test func twentyFSixteenSeriesItemsHaveTheirOwnKeys() {
        #expect(ItemHeading("Item 16A. Audit Committee Financial Expert")?.kind == .item("16A"))
        #expect(ItemHeading("ITEM 16.J. | INSIDER TRADING POLICIES")?.kind == .item("16J"))
        #expect(ItemHeading("Item 16.B. | Item 16.B. Code of Ethics.")?.title == "Code of Ethics")
        #expect(ItemHeading("Item 16.H. | H. Mine Safety")?.title == "Mine Safety")
        // No boundary after the letter: the number is 16 and the words are the title.
        #expect(ItemHeading("Item 16.Audit Committee")?.kind == .item("16"))
        #expect(ItemHeading("Item 16. Form 10-K Summary")?.title == "Form 10-K Summary")
        #expect(ItemHeading("Item 2.02 Results")?.kind == .item("2.02"))
    }

    @Test func textOutsideTheAlphabetTakesThePatterns() {
        #expect(ItemHeadingScanner.scalars(of: "Item 1A.\u{AD}Risk") == nil)
        #expect(ItemHeading("Item\u{3000}7\u{3000}Management") == ItemHeading("Item 7 Management"))
        #expect(ItemHeading("Items 1\u{2013}2. Business and Properties")?.alsoCovers == ["2"])
    }
}
