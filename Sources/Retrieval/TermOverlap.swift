import Foundation
import VectorStore

/// Which of a question's terms and adjacent term pairs a passage holds, by the lexical index's own
/// terms (`LexicalTerms`): the coverage, phrase and best-passage signals of `FilingSearcher`.
///
/// Terms are weighted by their rarity among the candidates (`log(1 + n / (1 + df))`), so a term
/// every candidate holds (the filer's name, "revenue" in an MD&A) counts little.
struct TermOverlap {
    struct Pair: Hashable {
        let first: String
        let second: String
    }

    /// What one candidate holds of the question.
    struct Measure {
        /// Weighted share of the question's terms in the whole chunk, `0...1`.
        var coverage: Float
        /// Question term pairs adjacent in the chunk.
        var pairs: Int
        /// The highest weighted share held by one passage (a line or sentence), `0...1`.
        var bestPassage: Float
    }

    let weights: [String: Float]
    let total: Float
    let pairs: Set<Pair>

    /// - Parameters:
    ///   - terms: the lexical query's terms, in order.
    ///   - candidates: each candidate's terms (for the rarity weights).
    init(question terms: [String], candidates: [Set<String>]) {
        var weights: [String: Float] = [:]
        let count = Float(max(candidates.count, 1))
        for term in Set(terms) {
            let frequency = Float(candidates.filter { $0.contains(term) }.count)
            weights[term] = log(1 + count / (1 + frequency))
        }
        self.weights = weights
        total = max(weights.values.reduce(0, +), .ulpOfOne)
        var pairs = Set<Pair>()
        for index in terms.indices.dropLast() { pairs.insert(Pair(first: terms[index], second: terms[index + 1])) }
        self.pairs = pairs
    }

    /// The measures of a chunk given as its passages' terms.
    func measure(_ passages: [[String]]) -> Measure {
        guard !weights.isEmpty else { return Measure(coverage: 0, pairs: 0, bestPassage: 0) }
        var seen = Set<String>()
        var pairsFound = Set<Pair>()
        var best: Float = 0
        for passage in passages {
            var held = Set<String>()
            for (index, term) in passage.enumerated() where weights[term] != nil {
                held.insert(term)
                if index + 1 < passage.count {
                    let pair = Pair(first: term, second: passage[index + 1])
                    if pairs.contains(pair) { pairsFound.insert(pair) }
                }
            }
            best = max(best, held.reduce(0) { $0 + (weights[$1] ?? 0) } / total)
            seen.formUnion(held)
        }
        return Measure(
            coverage: seen.reduce(0) { $0 + (weights[$1] ?? 0) } / total,
            pairs: pairsFound.count,
            bestPassage: best
        )
    }
}
