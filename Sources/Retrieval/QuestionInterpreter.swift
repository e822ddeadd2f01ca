/// Reads a question for the filers, forms, periods and sections it names: deterministic rules
/// over the collection's own vocabulary (`FilerVocabulary`), no language model.
public struct QuestionInterpreter: Sendable {
    public let vocabulary: FilerVocabulary

    public init(vocabulary: FilerVocabulary) {
        self.vocabulary = vocabulary
    }

    /// One word of the question as written, and its lowercased form without possessive or punctuation.
    struct Word {
        let written: String
        let key: String
    }

    public func interpret(_ question: String) -> QuestionInterpretation {
        var result = QuestionInterpretation()
        let lowered = question.lowercased()
        let words = Self.words(question)
        let (named, consumed) = filers(in: words)
        result.filers = named + cikFilers(in: words)
        result.forms = Self.forms(in: lowered)
        (result.years, result.fiscal) = Self.years(in: words, lowered: lowered)
        result.sections = SectionIntents.all.filter { intent in intent.phrases.contains(where: lowered.contains) }
            .map { QuestionInterpretation.SectionAsk(label: $0.label, items: $0.items, titleWords: $0.titleWords) }
        result.wantsBoilerplate = Self.boilerplateAsked(lowered)
        var seen = Set<String>()
        result.contentWords = words.map(\.key).filter {
            $0.count >= 3 && !Self.stopWords.contains($0) && seen.insert($0).inserted
        }
        result.lexicalQuery = words.indices.filter { index in
            !consumed.contains(index) && !Self.fillerWords.contains(words[index].key)
                && !(Self.formTokens.contains(words[index].key))
        }.map { words[$0].written }.joined(separator: " ")
        return result
    }

    static func words(_ question: String) -> [Word] {
        question.split { $0.isWhitespace || $0 == "," || $0 == "?" || $0 == ";" || $0 == ":" || $0 == "(" || $0 == ")" }
            .compactMap { raw in
                var text = String(raw)
                for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] where text.hasSuffix(suffix) {
                    text.removeLast(suffix.count)
                    break
                }
                text = String(text.drop { $0 == "\"" || $0 == "\u{201C}" || $0 == "$" })
                while let last = text.last, last == "." || last == "\"" || last == "\u{201D}" || last == "!" {
                    text.removeLast()
                }
                guard !text.isEmpty else { return nil }
                return Word(written: text, key: text.lowercased())
            }
    }

    /// Longest alias matches first; a single-word alias, or one of common words only, must be
    /// capitalised (precision first: a false match ranks every other filer down); tickers must be written in capitals (2-5 letters) and not be a common acronym.
    /// - Returns: the filers, and the indexes of the words that named them.
    func filers(in words: [Word]) -> ([QuestionInterpretation.Filer], Set<Int>) {
        var found: [QuestionInterpretation.Filer] = []
        var consumed = Set<Int>()
        var seen = Set<String>()
        var index = 0
        while index < words.count {
            var matched = false
            for length in stride(from: min(vocabulary.longestPhrase, words.count - index), through: 1, by: -1) {
                let slice = words[index..<(index + length)]
                let key = slice.map(\.key)
                guard let targets = vocabulary.phrases[key] else { continue }
                if vocabulary.capitalisedOnly.contains(key),
                    !slice.allSatisfy({ $0.written.first?.isUppercase == true || $0.written == "&" })
                {
                    continue
                }
                let text = slice.map(\.written).joined(separator: " ")
                for target in targets.sorted(by: { $0.company < $1.company }) where seen.insert(target.company).inserted
                {
                    found.append(.init(company: target.company, ticker: nil, cik: target.cik, matched: text))
                }
                consumed.formUnion(index..<(index + length))
                index += length
                matched = true
                break
            }
            if matched { continue }
            let word = words[index]
            if let targets = vocabulary.acronyms[word.written] {
                for target in targets where seen.insert(target.company).inserted {
                    found.append(.init(company: target.company, ticker: nil, cik: target.cik, matched: word.written))
                }
                consumed.insert(index)
            } else if Self.looksLikeTicker(word.written), let cik = vocabulary.tickers[word.key] {
                if seen.insert("ticker:" + word.key).inserted {
                    found.append(.init(company: "", ticker: word.key, cik: cik, matched: word.written))
                }
                consumed.insert(index)
            }
            index += 1
        }
        return (found, consumed)
    }

    static func looksLikeTicker(_ text: String) -> Bool {
        (2...5).contains(text.count) && text.allSatisfy { $0.isASCII && $0.isUppercase && $0.isLetter }
            && !commonAcronyms.contains(text)
    }

    /// `CIK 320193`, `CIK0000320193`.
    func cikFilers(in words: [Word]) -> [QuestionInterpretation.Filer] {
        var found: [QuestionInterpretation.Filer] = []
        for (index, word) in words.enumerated() where word.key.hasPrefix("cik") {
            var digits = String(word.key.dropFirst(3))
            if digits.isEmpty, index + 1 < words.count { digits = words[index + 1].key }
            guard (1...10).contains(digits.count), digits.allSatisfy(\.isASCIIDigit), let cik = Int64(digits), cik > 0
            else { continue }
            found.append(.init(company: "", ticker: nil, cik: cik, matched: "CIK \(cik)"))
        }
        return found
    }

    static let commonAcronyms: Set<String> = [
        "CEO", "CFO", "COO", "CTO", "CISO", "USD", "EUR", "GAAP", "IFRS", "EPS", "SEC", "US", "USA", "EU", "UK",
        "AI", "IT", "MD", "IPO", "ETF", "LLC", "NYSE", "FY", "Q", "ESG", "R", "RD", "HR", "CPI", "GDP", "FDA",
        "IRS", "NOL", "ROE", "ROA", "EBIT", "LIBOR", "SOFR", "OTC", "ADR", "ADS", "CET", "TLAC", "LCR", "NII",
        "APR", "ATM", "VIE", "PSU", "RSU", "CD", "ESPP", "NASDAQ", "AMEX", "ITEM", "PART", "FORM", "DEF",
    ]

    /// Words of how a question is asked, not of what it asks: left out of the lexical query.
    static let fillerWords: Set<String> = [
        "what", "which", "how", "does", "did", "do", "say", "says", "said", "about", "describe", "according",
        "company", "report", "reported", "filing", "form", "annual", "quarterly", "fiscal", "disclose",
        "disclosed", "discloses", "mention", "mentions", "tell", "explain", "give", "its", "their", "in", "the",
    ]

    /// Form names as the question's words give them (they name the filing, not its content).
    static let formTokens: Set<String> = ["10-k", "10k", "10-q", "10q", "8-k", "8k", "20-f", "20f", "6-k", "6k"]

    static let stopWords: Set<String> = [
        "the", "and", "for", "what", "which", "who", "whom", "how", "did", "does", "do", "was", "were", "are", "its",
        "their", "that", "this", "with", "from", "into", "about", "say", "says", "said", "company", "company's",
        "report", "reported", "filing", "much", "many", "any", "has", "have", "had", "been", "when", "where", "why",
        "there", "than", "over", "under", "per", "each", "describe", "disclose", "disclosed", "discloses",
        "according", "give", "gives", "list", "name", "named", "fiscal", "year", "quarter", "annual", "quarterly",
    ]
}
