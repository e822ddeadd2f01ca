import Foundation

/// A deterministic **lexical** embedder: feature hashing of word unigrams and bigrams.
///
/// It captures shared words, not meaning: "revenue fell" and "sales declined" are unrelated to it.
/// It needs no model files, gives identical vectors on every machine and run (FNV-1a, not Swift's
/// seeded `Hasher`), and serves tests and the explicit `hashing` provider.
///
/// Each term adds `1 + ln(tf)` to one of `dimension` buckets with a hash-chosen sign; English stop
/// words are skipped; the vector is L2-normalised (the zero vector when the text has no terms).
public struct HashingEmbedder: Embedder {
    public let dimension: Int
    public var modelID: String { "hashing-unigram-bigram-\(dimension)" }
    public var maxInputTokens: Int { Int.max }
    public var batchSize: Int { 256 }

    /// - Parameter dimension: vector length, at least 16.
    public init(dimension: Int = 384) {
        precondition(dimension >= 16, "HashingEmbedder dimension must be at least 16")
        self.dimension = dimension
    }

    public func embed(documents: [String]) async throws(EmbeddingError) -> [[Float]] {
        documents.map(vector(for:))
    }

    public func embed(queries: [String]) async throws(EmbeddingError) -> [[Float]] {
        queries.map(vector(for:))
    }

    /// The vector of one text.
    public func vector(for text: String) -> [Float] {
        let words = Self.terms(of: text)
        var counts: [String: Int] = [:]
        for word in words { counts[word, default: 0] += 1 }
        for (first, second) in zip(words, words.dropFirst()) { counts[first + " " + second, default: 0] += 1 }
        var vector = [Float](repeating: 0, count: dimension)
        for (term, count) in counts {
            let hash = Self.fnv1a(term)
            let bucket = Int(hash % UInt64(dimension))
            let sign: Float = (hash >> 63) == 0 ? 1 : -1
            vector[bucket] += sign * (1 + Float(log(Double(count))))
        }
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if norm > 0 { vector = vector.map { $0 / norm } }
        return vector
    }

    /// Lower-cased alphanumeric words of two or more characters, without stop words; digits are kept so
    /// tickers, years and item numbers match.
    static func terms(of text: String) -> [String] {
        var terms: [String] = []
        var current = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                if current.count >= 2, !stopWords.contains(current) { terms.append(stem(current)) }
                current = ""
            }
        }
        if current.count >= 2, !stopWords.contains(current) { terms.append(stem(current)) }
        return terms
    }

    /// A light plural stemmer so `risks` matches `risk` and `foundries` matches `foundry`.
    static func stem(_ word: String) -> String {
        if word.count > 4, word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us") {
            return String(word.dropLast())
        }
        return word
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "could", "did", "do", "does", "for",
        "from", "had", "has", "have", "how", "if", "in", "into", "is", "it", "its", "may", "of", "on", "or", "our",
        "such", "than", "that", "the", "their", "them", "there", "these", "they", "this", "those", "to", "was",
        "we", "were", "what", "when", "where", "which", "while", "who", "will", "with", "would", "you", "your",
        "us", "any", "all", "also", "other", "not", "no", "so", "about", "company",
    ]
}
