import SECModel

/// The longest input an embedder reads, in its own tokens, and how to count them.
public struct TokenBudget: Sendable {
    /// Most tokens a chunk may have, as `count` counts them (special tokens included).
    public let maxTokens: Int
    /// Tokens of a text, untruncated.
    public let countTokens: @Sendable (String) -> Int

    public init(maxTokens: Int, countTokens: @escaping @Sendable (String) -> Int) {
        precondition(maxTokens > 0, "maxTokens must be positive")
        self.maxTokens = maxTokens
        self.countTokens = countTokens
    }

    func count(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Int {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[range])
        return countTokens(String(text))
    }
}

extension FixedWindowChunker {
    /// `end` moved back over trailing whitespace (not before `start`).
    func trimmed(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Int {
        var trimmedEnd = end
        while trimmedEnd > start, scalars[trimmedEnd - 1].properties.isWhitespace { trimmedEnd -= 1 }
        return trimmedEnd
    }

    /// The largest window end in `start..<end`, at whitespace, whose text fits `budget` (binary search
    /// over the whitespace positions; token counts grow with the window). When not even the first word
    /// run fits, the shortest candidate; when there is no whitespace at all, `end` (the model truncates).
    func fit(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, _ budget: TokenBudget) -> Int {
        let cuts = (start + 1..<end).filter { scalars[$0].properties.isWhitespace }
        guard let first = cuts.first else { return end }
        var low = 0
        var high = cuts.count - 1
        var best = first
        while low <= high {
            let middle = (low + high) / 2
            let cut = cuts[middle]
            if budget.count(scalars, start..<trimmed(scalars, start, cut)) <= budget.maxTokens {
                best = cut
                low = middle + 1
            } else {
                high = middle - 1
            }
        }
        return best
    }
}
