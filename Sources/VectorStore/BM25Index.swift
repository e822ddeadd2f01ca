import Foundation

/// Okapi BM25 over chunk texts: the lexical half of hybrid search. Finds exact terms — tickers,
/// defined terms, XBRL concept names, numbers — that an embedding model blurs.
///
/// Scoring: `Σ idf(t) · tf · (k1 + 1) / (tf + k1 · (1 − b + b · len / avgLen))` over query terms, with
/// `idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5))`. Built from scratch from the live rows (cheap at
/// the local store's scale); immutable once built, so readers share it.
struct BM25Index: Sendable {
    /// Term-frequency saturation.
    static let k1: Float = 1.2
    /// Length normalisation.
    static let b: Float = 0.75

    private var postings: [String: [(row: Int32, termFrequency: UInt16)]] = [:]
    private var lengths: [Float] = []
    private var averageLength: Float = 1

    init(texts: [String]) {
        lengths.reserveCapacity(texts.count)
        for (row, text) in texts.enumerated() {
            var frequencies: [String: Int] = [:]
            let terms = LexicalAnalyzer.terms(of: text)
            for term in terms { frequencies[term, default: 0] += 1 }
            for (term, count) in frequencies {
                postings[term, default: []].append((Int32(row), UInt16(min(count, Int(UInt16.max)))))
            }
            lengths.append(Float(terms.count))
        }
        let total = lengths.reduce(0, +)
        averageLength = lengths.isEmpty ? 1 : max(total / Float(lengths.count), 1)
    }

    /// BM25 score of every row with at least one query term, as `row → score`.
    func scores(for query: String) -> [Int: Float] {
        var result: [Int: Float] = [:]
        let documentCount = Float(lengths.count)
        for term in Set(LexicalAnalyzer.terms(of: query)) {
            guard let list = postings[term] else { continue }
            let frequency = Float(list.count)
            let idf = log(1 + (documentCount - frequency + 0.5) / (frequency + 0.5))
            for posting in list {
                let tf = Float(posting.termFrequency)
                let norm = Self.k1 * (1 - Self.b + Self.b * lengths[Int(posting.row)] / averageLength)
                result[Int(posting.row), default: 0] += idf * tf * (Self.k1 + 1) / (tf + norm)
            }
        }
        return result
    }
}

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
