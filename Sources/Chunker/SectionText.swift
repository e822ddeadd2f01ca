/// One section's text cut into atoms (whitespace-free runs), with the boundary before each atom, the
/// section's blocks and tables, and running token sums so the tokens of any atom range cost one
/// subtraction.
struct SectionText {
    var atoms: [Atom] = []
    var tables: [TableSpan] = []
    /// `prefix[i]` = tokens of `atoms[0..<i]`.
    private(set) var prefix: [Int] = [0]
    /// The blocks (paragraphs, tables) as atom ranges, in order; they cover `atoms`.
    private(set) var blocks: [Range<Int>] = []
    /// The first atoms of the tables' captions and leads (`TableSpan.captionStart`, `leadAtom`): a cut
    /// there does not overlap, or the chunk after it would end at the same lead again.
    var leads: Set<Int> = []

    /// - Parameters:
    ///   - scalars: the whole canonical text.
    ///   - range: the section's span in it.
    ///   - atomTokensMax: the most tokens one atom may have; longer runs are cut into pieces.
    ///   - repeatTokensMax: the most tokens a table's caption and header rows may have to be repeated.
    init(
        scalars: [Unicode.Scalar],
        range: Range<Int>,
        words: inout WordTokens,
        atomTokensMax: Int,
        repeatTokensMax: Int
    ) {
        var index = range.lowerBound
        var newlines = 0
        while index < range.upperBound {
            let scalar = scalars[index]
            if ScalarClass.isWhitespace(scalar) {
                if scalar == "\n" { newlines += 1 }
                index += 1
                continue
            }
            let start = index
            while index < range.upperBound, !ScalarClass.isWhitespace(scalars[index]) { index += 1 }
            var boundary: Boundary = newlines >= 2 || atoms.isEmpty ? .block : newlines == 1 ? .row : .word
            if boundary == .word, let last = atoms.last,
                SentenceBoundary.between(scalars[last.start..<last.end], scalars[start..<index])
            {
                boundary = .sentence
            }
            newlines = 0
            append(scalars, start..<index, boundary, &words, atomTokensMax)
        }
        findBlocks()
        let headings = blocks.indices.filter { isHeadingLike($0, scalars) }
        findTables(scalars, headings: Set(headings), repeatTokensMax: repeatTokensMax)
        // A heading belongs with what follows: the boundary after it is weakened to a word boundary so
        // the chunker does not leave a heading at the end of a chunk.
        for block in headings where block + 1 < blocks.count {
            atoms[blocks[block + 1].lowerBound].breakBefore = .word
        }
    }

    /// Tokens of `atoms[range]`, special tokens excluded.
    func tokens(_ range: Range<Int>) -> Int { prefix[range.upperBound] - prefix[range.lowerBound] }

    private mutating func append(
        _ scalars: [Unicode.Scalar],
        _ run: Range<Int>,
        _ boundary: Boundary,
        _ words: inout WordTokens,
        _ atomTokensMax: Int
    ) {
        let tokens = words.count(scalars[run])
        guard tokens > atomTokensMax else {
            push(Atom(start: run.lowerBound, end: run.upperBound, tokens: tokens, breakBefore: boundary))
            return
        }
        // A run longer than any chunk: cut where the tokenizer splits anyway (around punctuation),
        // letters and digits in pieces of at most `atomTokensMax` scalars, then regrouped greedily.
        var pieces: [Range<Int>] = []
        var pieceStart = run.lowerBound
        for offset in run {
            let scalar = scalars[offset]
            let isWordScalar = ScalarClass.isWordScalar(scalar)
            if !isWordScalar || offset - pieceStart >= atomTokensMax {
                if offset > pieceStart { pieces.append(pieceStart..<offset) }
                pieceStart = offset
            }
            if !isWordScalar {
                pieces.append(offset..<offset + 1)
                pieceStart = offset + 1
            }
        }
        if pieceStart < run.upperBound { pieces.append(pieceStart..<run.upperBound) }
        var groupStart = run.lowerBound
        var groupTokens = 0
        var groupBoundary = boundary
        for piece in pieces {
            let pieceTokens = words.count(scalars[piece])
            if groupTokens > 0, groupTokens + pieceTokens > atomTokensMax {
                push(Atom(start: groupStart, end: piece.lowerBound, tokens: groupTokens, breakBefore: groupBoundary))
                groupStart = piece.lowerBound
                groupTokens = 0
                groupBoundary = .inside
            }
            groupTokens += pieceTokens
        }
        push(Atom(start: groupStart, end: run.upperBound, tokens: groupTokens, breakBefore: groupBoundary))
    }

    private mutating func push(_ atom: Atom) {
        atoms.append(atom)
        prefix.append(prefix[prefix.count - 1] + atom.tokens)
    }

    private mutating func findBlocks() {
        var blockStart = 0
        for index in atoms.indices.dropFirst() where atoms[index].breakBefore == .block {
            blocks.append(blockStart..<index)
            blockStart = index
        }
        if !atoms.isEmpty { blocks.append(blockStart..<atoms.count) }
        for block in blocks { atoms[block.lowerBound].startsBlock = true }
    }

    /// Whether a block holds two or more rows (a table).
    func isTable(_ block: Int) -> Bool {
        blocks[block].dropFirst().contains { atoms[$0].breakBefore == .row }
    }

    /// A short paragraph that does not end like a sentence (`Competition`, `Item 7. Management's
    /// Discussion …`, `(In millions)`), and is not a table.
    func isHeadingLike(_ block: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        let headingAtomsMax = 12
        let range = blocks[block]
        guard range.count <= headingAtomsMax, !isTable(block) else { return false }
        return !Self.sentenceEnds.contains(scalars[atoms[range.upperBound - 1].end - 1])
    }

    static let sentenceEnds: Set<Unicode.Scalar> = [".", ":", ";", "?", "!"]
}

extension Atom {
    init(start: Int, end: Int, tokens: Int, breakBefore: Boundary) {
        self.init(start: start, end: end, tokens: tokens, breakBefore: breakBefore, startsBlock: false, table: nil)
    }
}
