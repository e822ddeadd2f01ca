/// One section's text cut into atoms (whitespace-free runs), with the boundary before each atom, the
/// section's tables, and running token sums so the tokens of any atom range cost one subtraction.
struct SectionText {
    private(set) var atoms: [Atom] = []
    private(set) var tables: [TableSpan] = []
    /// `prefix[i]` = tokens of `atoms[0..<i]`.
    private(set) var prefix: [Int] = [0]
    /// For the first atom of a block that follows a heading-like block: the heading's first atom.
    private(set) var headingBefore: [Int: Int] = [:]

    /// - Parameters:
    ///   - scalars: the whole canonical text.
    ///   - range: the section's span in it.
    ///   - atomTokensMax: the most tokens one atom may have; longer runs are cut into pieces.
    init(
        scalars: [Unicode.Scalar],
        range: Range<Int>,
        words: inout WordTokens,
        atomTokensMax: Int
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
        findTables(scalars, words: &words)
        findHeadings(scalars)
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
            push(Atom(start: run.lowerBound, end: run.upperBound, tokens: tokens, breakBefore: boundary, table: nil))
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

    /// Blocks of two or more rows are tables; the first row is the header.
    private mutating func findTables(_ scalars: [Unicode.Scalar], words: inout WordTokens) {
        var blockStart = 0
        while blockStart < atoms.count {
            var blockEnd = blockStart + 1
            var firstRowEnd: Int?
            while blockEnd < atoms.count, atoms[blockEnd].breakBefore != .block {
                if firstRowEnd == nil, atoms[blockEnd].breakBefore == .row { firstRowEnd = blockEnd }
                blockEnd += 1
            }
            if let bodyAtom = firstRowEnd {
                var header = String.UnicodeScalarView()
                header.append(contentsOf: scalars[atoms[blockStart].start..<atoms[bodyAtom - 1].end])
                let table = TableSpan(
                    firstAtom: blockStart,
                    endAtom: blockEnd,
                    bodyAtom: bodyAtom,
                    tokens: tokens(blockStart..<blockEnd),
                    header: String(header),
                    headerTokens: tokens(blockStart..<bodyAtom)
                )
                for atom in blockStart..<blockEnd { atoms[atom].table = tables.count }
                tables.append(table)
            }
            blockStart = blockEnd
        }
    }

    /// A short paragraph that does not end like a sentence (`Competition`, `Item 7. Management's
    /// Discussion …`) belongs with what follows: the boundary after it is weakened to a word boundary
    /// so the chunker does not leave a heading at the end of a chunk.
    private mutating func findHeadings(_ scalars: [Unicode.Scalar]) {
        let headingAtomsMax = 12
        var blockStart = 0
        while blockStart < atoms.count {
            var blockEnd = blockStart + 1
            while blockEnd < atoms.count, atoms[blockEnd].breakBefore != .block { blockEnd += 1 }
            let last = atoms[blockEnd - 1]
            let endsLikeSentence = [".", ":", ";", "?", "!"].contains(scalars[last.end - 1])
            if blockEnd < atoms.count, atoms[blockStart].table == nil, blockEnd - blockStart <= headingAtomsMax,
                !endsLikeSentence
            {
                atoms[blockEnd].breakBefore = .word
                headingBefore[blockEnd] = blockStart
            }
            blockStart = blockEnd
        }
    }
}

extension Atom {
    init(start: Int, end: Int, tokens: Int, breakBefore: Boundary) {
        self.init(start: start, end: end, tokens: tokens, breakBefore: breakBefore, table: nil)
    }
}
