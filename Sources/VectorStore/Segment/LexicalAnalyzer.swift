/// The tokenizer of the lexical index: lower-cased runs of letters and digits (so `10-K` gives `10`
/// and `k`, `HRSC` gives `hrsc`), English stop words dropped, then the `TextAnalyzer`'s stemming.
enum LexicalAnalyzer {
    /// The terms of `text`, in order. ASCII is handled byte by byte; other scalars by their
    /// Unicode `Alphabetic` property and full lowercase mapping (the same result, slower).
    static func terms(of text: String, analyzer: TextAnalyzer) -> [String] {
        var terms: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(32)
        var lettersOnly = true
        func flush() {
            guard !current.isEmpty else { return }
            defer {
                current.removeAll(keepingCapacity: true)
                lettersOnly = true
            }
            let word = String(decoding: current, as: UTF8.self)
            guard !stopWords.contains(word) else { return }
            if analyzer == .english, lettersOnly {
                terms.append(String(decoding: EnglishStemmer.stem(current), as: UTF8.self))
            } else {
                terms.append(stem(word))
            }
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"): current.append(byte)
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    current.append(byte)
                    lettersOnly = false
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte | 0x20)
                default: flush()
                }
            } else if scalar.properties.isAlphabetic {
                current.append(contentsOf: String(scalar).lowercased().utf8)
                lettersOnly = false
            } else {
                flush()
            }
        }
        flush()
        return terms
    }

    /// The plural stemmer (`TextAnalyzer.plural`, and `english` for words that are not ASCII letters).
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
