import Testing

@testable import VectorStore

/// The tokenizer's ASCII fast path must give exactly the terms of the scalar-by-scalar definition
/// (Unicode `Alphabetic` or an ASCII digit, lowercased): segments written before store postings
/// of the old tokenizer, and a query is analysed with the new one.
@Suite struct LexicalAnalyzerTests {
    /// The definition: every scalar classified by its Unicode properties.
    static func referenceTerms(_ text: String) -> [String] {
        var terms: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            guard !current.isEmpty else { return }
            let word = String(current)
            current.removeAll()
            guard !LexicalAnalyzer.stopWords.contains(word) else { return }
            terms.append(LexicalAnalyzer.stem(word))
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            } else {
                flush()
            }
        }
        flush()
        return terms
    }

    @Test(arguments: [1, 2, 3, 4])
    func fastPathEqualsTheDefinition(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        // ASCII of every class, Latin-1 and other letters (upper case with multi-scalar lower
        // case forms), digits of other scripts (not terms), combining marks, emoji, CJK.
        let alphabet: [Unicode.Scalar] =
            (0x20..<0x7F).compactMap(Unicode.Scalar.init)
            + ["\t", "\n", "\u{A0}", "É", "é", "ß", "İ", "Σ", "ς", "Ǆ", "ﬁ", "٣", "\u{301}", "😀", "中", "Ⅻ", "ª"]
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...60, using: &random)
            var text = String.UnicodeScalarView()
            for _ in 0..<length { text.append(alphabet[Int.random(in: 0..<alphabet.count, using: &random)]) }
            let string = String(text)
            #expect(
                LexicalAnalyzer.terms(of: string, analyzer: .plural) == Self.referenceTerms(string),
                "\(string.debugDescription)"
            )
        }
    }

    @Test func filingTextTokenisesAsBefore() {
        let text = "Item 1A. RISK FACTORS — Our 10-K's revenues (in millions) fell 12% in FY2023; Société Générale."
        #expect(LexicalAnalyzer.terms(of: text, analyzer: .plural) == Self.referenceTerms(text))
        #expect(LexicalAnalyzer.terms(of: text, analyzer: .plural).prefix(5) == ["item", "1a", "risk", "factor", "10"])
    }

    /// A term longer than the bound is cut at a scalar boundary: valid UTF-8 within the bound, so
    /// a segment holding it verifies (a cut inside a scalar once made a 258-byte term).
    @Test(arguments: ["é", "中", "😀", "a"])
    func longTermsAreCutAtAScalarBoundary(letter: String) {
        for prefix in ["", "a", "ab", "abc"] {
            let term = prefix + String(repeating: letter, count: 300)
            let bounded = LexicalPostings.bounded(term)
            #expect(bounded.utf8.count <= LexicalPostings.termBytesMax)
            #expect(bounded.utf8.count > LexicalPostings.termBytesMax - 4)
            #expect(term.hasPrefix(bounded))
            #expect(!bounded.unicodeScalars.contains("\u{FFFD}"))
        }
    }
}
