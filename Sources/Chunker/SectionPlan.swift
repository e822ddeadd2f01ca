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
        var repeated: Repeated
        var tokenCount: Int
    }

    /// What a chunk that starts inside a table repeats from it before its text in the embedding input.
    struct Repeated {
        var caption: String?
        var header: String?
        /// Tokens of both, special tokens excluded.
        var tokens = 0
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
        // The smallest budget any chunk can have: a context line and a repeated caption and header of
        // at most a quarter of `maxTokens` each. No atom may be larger, so every chunk takes at least one.
        let atomTokensMax = max(1, maxTokens - specialTokens - context.tokens - maxTokens / 4)
        text = SectionText(
            scalars: scalars,
            range: range,
            words: &words,
            atomTokensMax: atomTokensMax,
            repeatTokensMax: maxTokens / 4
        )
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

    /// Tokens for a chunk's text and repeated table context, after the special tokens and context line.
    private var baseBudget: Int { maxTokens - specialTokens - context.tokens }

    /// What a chunk starting at `atom` repeats: inside a table's body (past its first row and header
    /// rows), its caption and header rows (together at most a quarter of `maxTokens`, the caption
    /// first); at the table's start, its caption, unless that alone would make a table that fits a
    /// chunk need two.
    private func repeated(at atom: Int) -> Repeated {
        guard let index = text.atoms[atom].table else { return Repeated() }
        let table = text.tables[index]
        let quarter = maxTokens / 4
        var result = Repeated()
        let inBody = atom >= table.bodyAtom && atom > table.firstAtom
        if let caption = table.caption, table.captionTokens <= quarter,
            inBody || table.tokens + table.captionTokens <= baseBudget || table.tokens > baseBudget
        {
            result.caption = caption
            result.tokens = table.captionTokens
        }
        if inBody, let header = table.header, result.tokens + table.headerTokens <= quarter {
            result.header = header
            result.tokens += table.headerTokens
        }
        return result
    }

    /// Tokens left for the text of a chunk starting at `atom`.
    private func budget(at atom: Int) -> Int { baseBudget - repeated(at: atom).tokens }

    /// Where a chunk from `start` ends, given that `atoms[start..<end]` fits and `atoms[end]` does not.
    private func chooseCut(_ start: Int, _ end: Int, _ available: Int) -> Int {
        let atoms = text.atoms
        if let index = atoms[end].table {
            let table = text.tables[index]
            // A table that fits in a chunk of its own starts one, with its caption when both fit.
            let lead = table.leadAtom
            if lead < table.firstAtom, lead > start, text.tokens(lead..<table.endAtom) <= budget(at: lead) {
                return lead
            }
            if table.firstAtom > start, table.tokens <= budget(at: table.firstAtom) { return table.firstAtom }
            // One too large for a chunk starts one all the same, with its caption, when the text
            // before leaves this chunk at least a quarter full.
            if lead > start, text.tokens(start..<lead) >= available / 4 { return lead }
        }
        let fillMin = available / 2
        var best = end
        var cut = end - 1
        while cut > start, text.tokens(start..<cut) >= fillMin {
            if atoms[cut].breakBefore > atoms[best].breakBefore { best = cut }
            cut -= 1
        }
        // Rows are not split: a cut inside a row moves back to the row's start, unless the row is the
        // chunk's first (a row longer than a chunk is cut like a paragraph).
        if atoms[best].table != nil, atoms[best].breakBefore < .row,
            let row = (start + 1..<best).last(where: { atoms[$0].breakBefore >= .row || atoms[$0].startsBlock })
        {
            return row
        }
        return best
    }

    /// Where the chunk after a cut at `cut` starts: up to `overlapTokens` earlier when the cut falls
    /// inside a paragraph, preferring a sentence start, never before the paragraph's start. A cut
    /// before a table's caption does not overlap: the chunk after it would end there again.
    private func overlapStart(_ start: Int, _ cut: Int) -> Int {
        let atoms = text.atoms
        guard overlapTokens > 0, atoms[cut].table == nil, !atoms[cut].startsBlock, !text.leads.contains(cut),
            atoms[cut].breakBefore == .word || atoms[cut].breakBefore == .sentence
        else { return cut }
        var word: Int?
        var sentence: Int?
        var candidate = cut - 1
        while candidate > start, atoms[candidate].table == nil {
            let shared = text.tokens(candidate..<cut)
            if shared > overlapTokens || shared + atoms[cut].tokens > budget(at: candidate) { break }
            switch atoms[candidate].breakBefore {
            case .sentence, .block: sentence = candidate
            case .word, .row: word = candidate
            case .inside: break
            }
            if atoms[candidate].startsBlock { break }
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
        let repeated = repeated(at: first)
        let input = [context.line, repeated.caption, repeated.header, body].compactMap { $0 }.joined(separator: "\n")
        return Piece(
            start: start,
            end: stop,
            text: body,
            embeddingInput: input,
            repeated: repeated,
            tokenCount: counter.tokenCount(input)
        )
    }
}
