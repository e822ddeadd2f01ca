/// The tokenizer of the lexical index: lower-cased runs of letters and digits (so `10-K` gives `10`
/// and `k`, `HRSC` gives `hrsc`), English stop words dropped, a light plural stemmer.
enum LexicalAnalyzer {
    static func terms(of text: String) -> [String] {
        var terms: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            guard !current.isEmpty else { return }
            let word = String(current)
            current.removeAll()
            guard !stopWords.contains(word) else { return }
            terms.append(stem(word))
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

    static func stem(_ word: String) -> String {
        if word.count > 4, word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us") {
            return String(word.dropLast())
        }
        return word
    }

    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "could", "did", "do", "does", "for",
        "from", "had", "has", "have", "how", "if", "in", "into", "is", "it", "its", "may", "of", "on", "or", "our",
        "such", "than", "that", "the", "their", "them", "there", "these", "they", "this", "those", "to", "was",
        "we", "were", "what", "when", "where", "which", "while", "who", "will", "with", "would", "you", "your",
    ]
}
