import Testing

@testable import FilingParser

/// Goal: the byte matcher behind `IncorporationPointer` says what the regular expression it
/// replaced said. Strategy: seeded random texts built from the phrase's words, near misses, mixed
/// case, and every kind of white space, each compared with the regex (the oracle).
@Suite struct IncorporationPointerTests {
    nonisolated(unsafe) private static let oracle =
        /(?i)incorporated\s+(?:herein\s+|in\s+this\s+item\s+|into\s+this\s+item\s+|in\s+this\s+report\s+)?by\s+reference|incorporated\s+by\s+reference/

    private static let pieces = [
        "incorporated", "INCORPORATED", "Incorporated", "herein", "in", "into", "this", "item", "report", "by",
        "BY", "reference", "Reference", "referenc", "incorporate", "the", "Item 7", "’", "é", ".", "—",
    ]
    private static let spaces = [" ", "  ", "\t", "\u{A0}", "\u{2003}", "\u{3000}", "\u{200B}", "", "\u{85}"]

    @Test func agreesWithTheRegularExpression() {
        var generator = MalformedInputTests.SplitMix64(state: 0x1C0_4A7E)
        var matched = 0
        for _ in 0..<20_000 {
            var text = ""
            // Half the texts are a form of the phrase, a word sometimes dropped or replaced.
            let phrases = [
                ["incorporated", "by", "reference"], ["incorporated", "herein", "by", "reference"],
                ["incorporated", "in", "this", "item", "by", "reference"],
                ["incorporated", "into", "this", "item", "by", "reference"],
                ["incorporated", "in", "this", "report", "by", "reference"],
            ]
            let words =
                Bool.random(using: &generator)
                ? (phrases.randomElement(using: &generator) ?? [])
                : (0..<Int.random(in: 1...9, using: &generator)).map { _ in
                    Self.pieces.randomElement(using: &generator) ?? ""
                }
            for word in words {
                let roll = Int.random(in: 0..<12, using: &generator)
                if roll == 0 { continue }
                text +=
                    roll == 1
                    ? (Self.pieces.randomElement(using: &generator) ?? "") : roll == 2 ? word.uppercased() : word
                text += Self.spaces.randomElement(using: &generator) ?? ""
            }
            var bytes = text
            let fast = bytes.withUTF8(IncorporationPointer.saysIncorporatedByReference)
            let expected = text.contains(Self.oracle)
            #expect(fast == expected, "\(text.debugDescription)")
            if expected { matched += 1 }
        }
        #expect(matched > 200)
    }

    @Test func findsThePhraseInAPointerBody() {
        let body = [
            TextBlock(text: "Item 10. Directors", tableIndex: nil),
            TextBlock(text: "The information is incorporated herein\u{A0}by reference to the Proxy.", tableIndex: nil),
        ]
        #expect(IncorporationPointer.pointer(in: body[1...]) != nil)
        #expect(IncorporationPointer.pointer(in: body[0..<1]) == nil)
    }
}
