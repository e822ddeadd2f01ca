extension QuestionInterpreter {
    /// Forms named by number or by description ("annual report" → 10-K unless a 20-F is named).
    static func forms(in lowered: String) -> [String] {
        var forms: [String] = []
        func add(_ form: String) { if !forms.contains(form) { forms.append(form) } }
        let compact = lowered.replacingOccurrences(of: "form ", with: "")
        for (needles, form) in [
            (["10-k", "10k"], "10-K"), (["10-q", "10q"], "10-Q"), (["8-k", "8k"], "8-K"), (["20-f", "20f"], "20-F"),
            (["6-k", "6k"], "6-K"), (["40-f"], "40-F"), (["def 14a", "proxy statement"], "DEF 14A"),
        ] where needles.contains(where: { containsToken($0, in: compact) }) {
            add(form)
        }
        if forms.isEmpty {
            if lowered.contains("annual report") { add("10-K") }
            if lowered.contains("quarterly report") || lowered.contains("quarterly filing") { add("10-Q") }
            if lowered.contains("current report") || lowered.contains("press release")
                || lowered.contains("earnings release")
            {
                add("8-K")
            }
        }
        return forms
    }

    /// Whether `needle` occurs in `text` not inside a longer word or number.
    static func containsToken(_ needle: String, in text: String) -> Bool {
        var rest = text[...]
        while let range = rest.range(of: needle) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            let bounded: (Character?) -> Bool = { character in
                guard let character else { return true }
                return !(character.isLetter || character.isNumber)
            }
            if bounded(before), bounded(after) { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }

    /// Years 1990-2049 written as `2024`, `FY2024`, `FY24` or `fiscal '24`; `fiscal` when the
    /// question speaks of a fiscal period.
    static func years(in words: [Word], lowered: String) -> (years: [Int], fiscal: Bool) {
        var years: [Int] = []
        var fiscal = lowered.contains("fiscal")
        for word in words {
            var key = word.key
            if key.hasPrefix("fy") {
                fiscal = true
                key.removeFirst(2)
                if key.count == 2, let short = Int(key) {
                    years.append(short >= 90 ? 1900 + short : 2000 + short)
                    continue
                }
            }
            guard key.count == 4, key.allSatisfy(\.isASCIIDigit), let year = Int(key), (1990...2049).contains(year)
            else { continue }
            if !years.contains(year) { years.append(year) }
        }
        return (years, fiscal)
    }

    /// The boilerplate kinds a question's wording asks for.
    static func boilerplateAsked(_ lowered: String) -> Set<BoilerplateKind> {
        var kinds = Set<BoilerplateKind>()
        if lowered.contains("exhibit") { kinds.insert(.exhibitIndex) }
        if ["signed", "signature", "signator"].contains(where: lowered.contains) { kinds.insert(.signatures) }
        if ["table of contents", "page number"].contains(where: lowered.contains) { kinds.insert(.tableOfContents) }
        if ["forward-looking", "forward looking", "safe harbor", "cautionary"].contains(where: lowered.contains) {
            kinds.insert(.forwardLooking)
        }
        if coverWords.contains(where: lowered.contains) { kinds.insert(.cover) }
        return kinds
    }

    static let coverWords = [
        "outstanding", "market value", "non-affiliates", "commission file", "incorporat", "principal executive office",
        "telephone", "trading symbol", "exchange on which", "accelerated filer", "shell company", "well-known seasoned",
        "emerging growth", "employer identification", "address", "state of", "registered pursuant", "check mark",
        "cover page", "par value",
    ]
}
