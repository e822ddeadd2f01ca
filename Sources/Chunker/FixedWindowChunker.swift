import SECModel

/// Cuts each section of a filing into windows of at most `maxChars` Unicode scalars that overlap by
/// about `overlapChars`, ending windows at whitespace so no word is split.
///
/// With a `TokenBudget`, a window whose text has more tokens than the embedder reads is shortened (at
/// whitespace) until it fits, so no chunk text is silently truncated by the model.
///
/// Invariants: a chunk never crosses a section boundary; `chunk.text` equals the canonical text over
/// `[citation.charStart, citation.charEnd)`; chunk text neither starts nor ends with whitespace.
public struct FixedWindowChunker: Sendable {
    /// Largest chunk, in Unicode scalars.
    public let maxChars: Int
    /// Characters shared by consecutive chunks of one section, in Unicode scalars.
    public let overlapChars: Int
    /// The embedder's input limit and token counter, when chunks must fit it.
    public let tokenBudget: TokenBudget?

    /// - Throws: `ChunkerError` unless `maxChars >= 64` and `0 <= overlapChars < maxChars / 2`.
    public init(maxChars: Int = 1_200, overlapChars: Int = 200, tokenBudget: TokenBudget? = nil) throws(ChunkerError) {
        guard maxChars >= 64 else { throw ChunkerError(message: "maxChars must be at least 64, got \(maxChars)") }
        guard overlapChars >= 0, overlapChars < maxChars / 2 else {
            throw ChunkerError(message: "overlapChars must be in 0..<\(maxChars / 2), got \(overlapChars)")
        }
        self.maxChars = maxChars
        self.overlapChars = overlapChars
        self.tokenBudget = tokenBudget
    }

    /// Chunks every section of `document`, in document order.
    public func chunks(of document: ParsedDocument, filing: FilingMetadata) -> [Chunk] {
        let scalars = Array(document.canonicalText.unicodeScalars)
        var result: [Chunk] = []
        for section in document.sections {
            let lower = max(0, min(section.charStart, scalars.count))
            let upper = max(lower, min(section.charEnd, scalars.count))
            for (ordinal, window) in windows(scalars, lower: lower, upper: upper).enumerated() {
                var text = String.UnicodeScalarView()
                text.append(contentsOf: scalars[window])
                let citation = Citation(
                    filing: filing,
                    section: section,
                    charStart: window.lowerBound,
                    charEnd: window.upperBound
                )
                result.append(
                    Chunk(
                        id: Chunk.makeID(accession: filing.accession, item: section.key, ordinal: ordinal),
                        text: String(text),
                        citation: citation
                    )
                )
            }
        }
        return result
    }

    /// Window ranges over `scalars[lower..<upper]`, each trimmed of surrounding whitespace.
    func windows(_ scalars: [Unicode.Scalar], lower: Int, upper: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = skipWhitespace(scalars, from: lower, to: upper)
        while start < upper {
            var end = min(start + maxChars, upper)
            if end < upper {
                var cut = end
                while cut > start + maxChars / 2, !scalars[cut].properties.isWhitespace { cut -= 1 }
                if cut > start + maxChars / 2 { end = cut }
            }
            var trimmedEnd = trimmed(scalars, start, end)
            if let tokenBudget, tokenBudget.count(scalars, start..<trimmedEnd) > tokenBudget.maxTokens {
                end = fit(scalars, start, trimmedEnd, tokenBudget)
                trimmedEnd = trimmed(scalars, start, end)
            }
            if trimmedEnd > start { ranges.append(start..<trimmedEnd) }
            if end >= upper { break }
            var next = max(end - overlapChars, start + 1)
            while next < end, next > start, !scalars[next - 1].properties.isWhitespace { next += 1 }
            start = skipWhitespace(scalars, from: next, to: upper)
        }
        return ranges
    }

    private func skipWhitespace(_ scalars: [Unicode.Scalar], from: Int, to upper: Int) -> Int {
        var index = from
        while index < upper, scalars[index].properties.isWhitespace { index += 1 }
        return index
    }
}
