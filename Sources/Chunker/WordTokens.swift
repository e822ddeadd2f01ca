/// Token counts of single words, remembered: filings repeat their vocabulary, so most words are
/// counted once per filing instead of once per occurrence.
struct WordTokens {
    let counter: any TokenCounter
    /// Tokens the counter adds to every input (`[CLS]`, `[SEP]`), subtracted from each word's count.
    let specialTokens: Int
    private var memo: [String: Int] = [:]

    init(counter: any TokenCounter) {
        self.counter = counter
        self.specialTokens = counter.tokenCount("")
    }

    /// Tokens of `scalars` without the special tokens.
    mutating func count(_ scalars: ArraySlice<Unicode.Scalar>) -> Int {
        var word = String.UnicodeScalarView()
        word.append(contentsOf: scalars)
        let key = String(word)
        if let known = memo[key] { return known }
        let tokens = max(0, counter.tokenCount(key) - specialTokens)
        memo[key] = tokens
        return tokens
    }

    /// Tokens of a whole text without the special tokens.
    func count(_ text: String) -> Int { max(0, counter.tokenCount(text) - specialTokens) }
}
