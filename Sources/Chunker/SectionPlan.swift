/// The chunks of one section: where each starts and ends, chosen by the rules `SectionChunker`
/// documents.
struct SectionPlan {
    private let maxTokens: Int
    private let overlapTokens: Int
    private let counter: any TokenCounter
    private let scalars: [Unicode.Scalar]
    private let text: SectionText
    private let context: ContextBudget
    private let specialTokens: Int

    /// One planned chunk: its span, its text and what the embedder reads.
    struct Piece {
        var start: Int
        var end: Int
        var text: String
        var embeddingInput: String
        var repeatedHeader: String?
        var tokenCount: Int
    }

    init(
        chunker: SectionChunker,
        scalars: [Unicode.Scalar],
        range: Range<Int>,
        context: ContextBudget,
        words: inout WordTokens
    ) {
        maxTokens = chunker.maxTokens
        overlapTokens = chunker.overlapTokens
        counter = chunker.counter
        self.scalars = scalars
        self.context = context
        specialTokens = words.specialTokens
        // The smallest budget any chunk can have: a context line and a repeated header of at most a
        // quarter of `maxTokens` each. No atom may be larger, so every chunk takes at least one.
        let atomTokensMax = max(1, maxTokens - specialTokens - context.tokens - maxTokens / 4)
        text = SectionText(scalars: scalars, range: range, words: &words, atomTokensMax: atomTokensMax)
    }

    /// The section's chunks in order; none when the section holds only whitespace.
    func pieces() -> [Piece] {
        var result: [Piece] = []
        let count = text.atoms.count
        var start = 0
        while start < count {
            let available = budget(at: start)
            var end = start + 1
            while end < count, text.tokens(start..<end + 1) <= available { end += 1 }
            var cut = end == count ? count : chooseCut(start, end, available)
            var piece = makePiece(start, cut)
            // Token counts are additive over words for WordPiece; a tokenizer for which they are not
            // gets its chunk shortened here until the real count fits.
            while piece.tokenCount > maxTokens, cut > start + 1 {
                cut -= 1
                piece = makePiece(start, cut)
            }
            result.append(piece)
            if cut >= count { break }
            start = overlapStart(start, cut)
        }
        return result
    }

    /// The table whose header a chunk starting at `atom` repeats, if any.
    private func repeatedHeader(at atom: Int) -> TableSpan? {
        guard let index = text.atoms[atom].table else { return nil }
        let table = text.tables[index]
        guard atom >= table.bodyAtom, table.headerTokens <= maxTokens / 4 else { return nil }
        return table
    }

    /// Tokens left for the text of a chunk starting at `atom`.
    private func budget(at atom: Int) -> Int {
        maxTokens - specialTokens - context.tokens - (repeatedHeader(at: atom)?.headerTokens ?? 0)
    }

    /// Where a chunk from `start` ends, given that `atoms[start..<end]` fits and `atoms[end]` does not.
    private func chooseCut(_ start: Int, _ end: Int, _ available: Int) -> Int {
        let atoms = text.atoms
        if let index = atoms[end].table {
            let table = text.tables[index]
            if table.firstAtom > start, table.tokens <= budget(at: table.firstAtom) {
                // The table fits in a chunk of its own: end this one before it (and before its heading).
                if let heading = text.headingBefore[table.firstAtom], heading > start { return heading }
                return table.firstAtom
            }
        }
        let fillMin = available / 2
        var best = end
        var cut = end - 1
        while cut > start, text.tokens(start..<cut) >= fillMin {
            if atoms[cut].breakBefore > atoms[best].breakBefore { best = cut }
            cut -= 1
        }
        return best
    }

    /// Where the chunk after a cut at `cut` starts: up to `overlapTokens` earlier when the cut falls
    /// inside a paragraph, preferring a sentence start.
    private func overlapStart(_ start: Int, _ cut: Int) -> Int {
        let atoms = text.atoms
        guard overlapTokens > 0, atoms[cut].table == nil,
            atoms[cut].breakBefore == .word || atoms[cut].breakBefore == .sentence
        else { return cut }
        var word: Int?
        var sentence: Int?
        var candidate = cut - 1
        while candidate > start, atoms[candidate + 1].breakBefore < .row, atoms[candidate].table == nil {
            let shared = text.tokens(candidate..<cut)
            if shared > overlapTokens || shared + atoms[cut].tokens > budget(at: candidate) { break }
            switch atoms[candidate].breakBefore {
            case .sentence, .block: sentence = candidate
            case .word, .row: word = candidate
            case .inside: break
            }
            candidate -= 1
        }
        return sentence ?? word ?? cut
    }

    private func makePiece(_ first: Int, _ end: Int) -> Piece {
        let start = text.atoms[first].start
        let stop = text.atoms[end - 1].end
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<stop])
        let body = String(view)
        let header = repeatedHeader(at: first)?.header
        let input = [context.line, header, body].compactMap { $0 }.joined(separator: "\n")
        return Piece(
            start: start,
            end: stop,
            text: body,
            embeddingInput: input,
            repeatedHeader: header,
            tokenCount: counter.tokenCount(input)
        )
    }
}
