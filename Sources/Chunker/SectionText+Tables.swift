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
    /// sentence; it fits in `repeatTokensMax` tokens. A captioned table's first row is bound to the
    /// caption: the block boundary before it is weakened so the chunker cuts before the caption (its
    /// lead, `TableSpan.leadAtom`) rather than between the two.
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
                captionTokens: 0,
                leadAtom: range.lowerBound
            )
            if bodyAtom > range.lowerBound { table.header = text(scalars, range.lowerBound..<bodyAtom) }
            attachCaption(&table, block: block, headings: headings, scalars, tokensMax: repeatTokensMax)
            for atom in range { atoms[atom].table = tables.count }
            tables.append(table)
        }
    }

    /// Sets the caption and lead of the table that is block `block`, when it has a caption.
    private mutating func attachCaption(
        _ table: inout TableSpan,
        block: Int,
        headings: Set<Int>,
        _ scalars: [Unicode.Scalar],
        tokensMax: Int
    ) {
        guard let (start, first) = captionStart(before: block, headings: headings, scalars, tokensMax: tokensMax)
        else { return }
        table.captionStart = start
        table.captionTokens = tokens(start..<table.firstAtom)
        table.caption = blocks[first..<block].map { text(scalars, $0.clamped(to: start..<table.firstAtom)) }
            .joined(separator: " ")
        // Headings before a caption that is a whole paragraph go with it (they are not repeated).
        var lead = first
        while start == blocks[first].lowerBound, lead > 0, headings.contains(lead - 1),
            tokens(blocks[lead - 1].lowerBound..<table.firstAtom) <= 2 * tokensMax
        {
            lead -= 1
        }
        table.leadAtom = lead == first ? start : blocks[lead].lowerBound
        leads.formUnion([start, table.leadAtom])
        atoms[table.firstAtom].breakBefore = min(atoms[table.firstAtom].breakBefore, .sentence)
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

    /// The first atom of the caption of the table that is block `table`, and the caption's first
    /// block, if it has a caption that fits in `tokensMax` tokens.
    private func captionStart(
        before table: Int,
        headings: Set<Int>,
        _ scalars: [Unicode.Scalar],
        tokensMax: Int
    ) -> (atom: Int, block: Int)? {
        let tableStart = blocks[table].lowerBound
        var start: (atom: Int, block: Int)?
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
            start = (candidate, block)
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
