extension SectionText {
    /// Most leading rows taken as a table's header rows.
    static let headerRowsMax = 4
    /// Most blocks before a table read as its caption.
    static let captionBlocksMax = 3

    /// Finds the tables (blocks of two or more rows), their header rows and their captions.
    ///
    /// Header rows are the leading rows before the first row that holds an amount (`TableCells`), at
    /// most `headerRowsMax`, less a trailing one-cell group label (`Revenues:`); a table without such
    /// a row among its first rows keeps its first row as the header, and one that starts with an
    /// amount row has none. The caption is what a reader takes as the table's title: the heading-like
    /// blocks just before it (at most `captionBlocksMax`), and the paragraph before those when it ends
    /// with a colon (`The following table shows net sales by category …:`), of which only the last
    /// sentence. A captioned table's first row is bound to the caption: the block boundary before it
    /// is weakened so the chunker cuts before the caption rather than between the two.
    mutating func findTables(_ scalars: [Unicode.Scalar], headings: Set<Int>, repeatTokensMax: Int) {
        for block in blocks.indices where isTable(block) {
            let range = blocks[block]
            let rows = [range.lowerBound] + range.dropFirst().filter { atoms[$0].breakBefore == .row }
            let bodyRow = headerRowCount(rows, end: range.upperBound, scalars)
            let bodyAtom = bodyRow < rows.count ? rows[bodyRow] : range.upperBound
            var table = TableSpan(
                firstAtom: range.lowerBound,
                endAtom: range.upperBound,
                bodyAtom: bodyAtom,
                tokens: tokens(range),
                header: nil,
                headerTokens: tokens(range.lowerBound..<bodyAtom),
                captionStart: nil,
                caption: nil,
                captionTokens: 0
            )
            if bodyAtom > range.lowerBound { table.header = text(scalars, range.lowerBound..<bodyAtom) }
            if let start = captionStart(before: block, headings: headings, scalars, tokensMax: repeatTokensMax) {
                table.captionStart = start
                captionStarts.insert(start)
                table.captionTokens = tokens(start..<range.lowerBound)
                table.caption = blocks[max(0, block - Self.captionBlocksMax)..<block].compactMap { part -> String? in
                    let inCaption = part.clamped(to: start..<range.lowerBound)
                    return inCaption.isEmpty ? nil : text(scalars, inCaption)
                }.joined(separator: " ")
                atoms[range.lowerBound].breakBefore = min(atoms[range.lowerBound].breakBefore, .sentence)
            }
            for atom in range { atoms[atom].table = tables.count }
            tables.append(table)
        }
    }

    /// How many of a table's leading rows are header rows; `rows` are the rows' first atoms, `end` the
    /// table's end.
    private func headerRowCount(_ rows: [Int], end: Int, _ scalars: [Unicode.Scalar]) -> Int {
        func cells(_ row: Int) -> TableCells {
            TableCells(scalars: scalars, atoms: atoms[rows[row]..<(row + 1 < rows.count ? rows[row + 1] : end)])
        }
        var count = 0
        while count < min(Self.headerRowsMax, rows.count - 1), !cells(count).holdsAmount { count += 1 }
        guard cells(count).holdsAmount else { return 1 }
        while count > 1, cells(count - 1).isGroupLabel { count -= 1 }
        return count
    }

    /// The first atom of the caption of the table that is block `table`, if it has one that fits in
    /// `tokensMax` tokens.
    private func captionStart(
        before table: Int,
        headings: Set<Int>,
        _ scalars: [Unicode.Scalar],
        tokensMax: Int
    ) -> Int? {
        let tableStart = blocks[table].lowerBound
        var start: Int?
        var block = table - 1
        while block >= 0, table - block <= Self.captionBlocksMax {
            let range = blocks[block]
            let candidate: Int
            if headings.contains(block) {
                candidate = range.lowerBound
            } else if !isTable(block), scalars[atoms[range.upperBound - 1].end - 1] == ":" {
                candidate =
                    range.last { atoms[$0].breakBefore == .sentence || $0 == range.lowerBound } ?? range.lowerBound
            } else {
                break
            }
            guard tokens(candidate..<tableStart) <= tokensMax else { break }
            start = candidate
            guard headings.contains(block) else { break }
            block -= 1
        }
        return start
    }

    /// The canonical text from the first atom of `range` to the end of its last.
    func text(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[atoms[range.lowerBound].start..<atoms[range.upperBound - 1].end])
        return String(view)
    }
}
