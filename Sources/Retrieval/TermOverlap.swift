import VectorStore

/// Which of a question's terms and adjacent term pairs a passage holds, by the lexical index's own
/// terms (`LexicalTerms`): the coverage and phrase signals of `FilingSearcher`'s ranking.
struct TermOverlap {
    /// The question's distinct terms, and its adjacent term pairs.
    let terms: Set<String>
    let pairs: Set<Pair>

    struct Pair: Hashable {
        let first: String
        let second: String
    }

    init(question terms: [String]) {
        self.terms = Set(terms)
        var pairs = Set<Pair>()
        for index in terms.indices.dropLast() { pairs.insert(Pair(first: terms[index], second: terms[index + 1])) }
        self.pairs = pairs
    }

    /// The share of the question's terms in `passage` (`0...1`) and the number of its pairs that
    /// occur adjacent in `passage`.
    func measure(_ passage: [String]) -> (coverage: Float, pairs: Int) {
        guard !terms.isEmpty else { return (0, 0) }
        var seen = Set<String>()
        var pairsFound = Set<Pair>()
        for (index, term) in passage.enumerated() where terms.contains(term) {
            seen.insert(term)
            if index + 1 < passage.count {
                let pair = Pair(first: term, second: passage[index + 1])
                if pairs.contains(pair) { pairsFound.insert(pair) }
            }
        }
        return (Float(seen.count) / Float(terms.count), pairsFound.count)
    }
}
