/// Turns HTML parser events into text blocks, dropping what a reader never sees; no tree is built,
/// so memory stays proportional to the visible text.
///
/// Hidden subtrees (`display:none`, `ix:header`, `script`, `style`, `head`) are skipped; block elements
/// end the current block; table rows become one block each, with non-empty cells joined by ` | `
/// (a lone `$` joins the next cell, a lone `)` or `%` joins the previous one). Outside table rows and
/// paragraph elements (`p`, `li` …), a blank line inside a run of text ends a block too: documents
/// converted from plain text mark their paragraphs and headings only that way
/// (`WhitespaceCollapsingBuffer`).
///
/// Events come from libxml2's HTML parser (`HTMLSAXParser`) or, for well-formed inline XBRL, from its
/// XML parser through `HTMLParserReplay`, which reproduces the HTML parser's events.
/// Invariant: an end is reported for every start (implied and auto-closed elements included), so
/// `open` mirrors the HTML parser's element stack. A value type, reached from the SAX callbacks
/// through a pointer valid for the parse (`HTMLSAXParser`, `HTMLParserReplay`).
struct HTMLTextExtractor {
    private struct OpenElement {
        let role: HTMLElementKind.Role
        let isParagraph: Bool
        /// The dingbat font in effect outside this element.
        let outerFont: SymbolFont?
    }

    private(set) var blocks: [TextBlock] = []
    private var buffer = WhitespaceCollapsingBuffer()
    /// The current row's non-empty cells as UTF-8, joined by ` | `.
    private var row: [UInt8] = []
    /// Where the row's last cell starts in `row`.
    private var lastCellStart = 0
    private var rowDepth = 0
    /// Open paragraph elements (`HTMLElementKind.isParagraph`).
    private var paragraphDepth = 0
    private var tableStack: [Int] = []
    private var tableCount = 0
    /// The dingbat font in effect for text (check boxes), if any.
    private var symbolFont: SymbolFont?
    private var open: [OpenElement] = []
    /// Depth inside a skipped or hidden subtree; 0 outside one.
    private var skippedDepth = 0
    /// Whether any element was reported: a document without one is not HTML.
    private(set) var sawElement = false
    /// Element kinds by libxml2's interned name pointer: the HTML parser reports each distinct name
    /// through one dictionary string, so a name is lower-cased and looked up once per parse.
    private var kindsByName: [UnsafePointer<UInt8>: HTMLElementKind] = [:]

    /// A start tag from libxml2's HTML parser (`name` NUL-terminated UTF-8, lower case).
    mutating func startElement(named name: UnsafePointer<UInt8>, attributes: HTMLAttributes) {
        if let kind = kindsByName[name] {
            startElement(kind, attributes: attributes)
            return
        }
        let kind = HTMLElementKind(lowercasedName: String(cString: name).lowercased())
        kindsByName[name] = kind
        startElement(kind, attributes: attributes)
    }

    /// A start tag of an element of `kind`.
    mutating func startElement(_ kind: HTMLElementKind, attributes: some HTMLAttributeLookup) {
        sawElement = true
        defer { buffer.noteTag(blankLinesBreak: paragraphDepth == 0) }
        if skippedDepth > 0 {
            skippedDepth += 1
            return
        }
        let style = attributes.style
        if kind.isSkipped || style.map({ HTMLAttributes.containsFolded($0, "display:none") }) == true {
            skippedDepth = 1
            return
        }
        let role = kind.role
        open.append(OpenElement(role: role, isParagraph: kind.isParagraph, outerFont: symbolFont))
        if kind.isParagraph { paragraphDepth += 1 }
        if let font = SymbolFont.of(face: attributes.face, style: style) { symbolFont = font }
        switch role {
        case .row:
            endBlock()
            rowDepth += 1
        case .cell:
            endCell()
        case .table:
            endBlock()
            tableStack.append(tableCount)
            tableCount += 1
        case .lineBreak:
            buffer.appendSpace()
        case .block:
            if rowDepth > 0 { buffer.appendSpace() } else { endBlock() }
        case .inline:
            break
        }
    }

    /// The end of the most recently started element still open.
    mutating func endElement() {
        defer { buffer.noteTag(blankLinesBreak: paragraphDepth == 0) }
        if skippedDepth > 0 {
            skippedDepth -= 1
            return
        }
        guard let element = open.popLast() else { return }
        if element.isParagraph { paragraphDepth -= 1 }
        switch element.role {
        case .row:
            rowDepth -= 1
            endCell()
            endRow()
        case .cell:
            endCell()
        case .table:
            endCell()
            endRow()
            tableStack.removeLast()
        case .block:
            if rowDepth > 0 { buffer.appendSpace() } else { endBlock() }
        case .lineBreak, .inline:
            break
        }
        symbolFont = element.outerFont
    }

    /// Character data (UTF-8, entities already decoded).
    mutating func characters(_ text: UnsafeBufferPointer<UInt8>) {
        guard skippedDepth == 0 else { return }
        buffer.append(utf8: text, font: symbolFont)
    }

    /// Ends the last block; call once after the parser's last event.
    mutating func finish() {
        endBlock()
    }

    private mutating func endCell() {
        guard !buffer.isEmpty else { return }
        let hasCell = !row.isEmpty
        let lastIsDollar = hasCell && row.count - lastCellStart == 1 && row[lastCellStart] == UInt8(ascii: "$")
        if hasCell && (lastIsDollar || Self.joinsPreviousCell(buffer.collected)) {
            buffer.moveBytes(into: &row)
            return
        }
        if hasCell { row.append(contentsOf: " | ".utf8) }
        lastCellStart = row.count
        buffer.moveBytes(into: &row)
    }

    /// `)`, `%` and `)%` close the number in the cell before.
    private static func joinsPreviousCell(_ text: [UInt8]) -> Bool {
        switch text.count {
        case 1: return text[0] == UInt8(ascii: ")") || text[0] == UInt8(ascii: "%")
        case 2: return text[0] == UInt8(ascii: ")") && text[1] == UInt8(ascii: "%")
        default: return false
        }
    }

    private mutating func endRow() {
        guard !row.isEmpty else { return }
        blocks.append(TextBlock(text: String(decoding: row, as: UTF8.self), tableIndex: tableStack.last))
        row.removeAll(keepingCapacity: true)
        lastCellStart = 0
    }

    private mutating func endBlock() {
        if rowDepth > 0 || !row.isEmpty {
            endCell()
            if rowDepth == 0 { endRow() }
            return
        }
        guard buffer.paragraphStarts.isEmpty else {
            for text in buffer.takeParagraphs() { blocks.append(TextBlock(text: text, tableIndex: nil)) }
            return
        }
        let text = buffer.take()
        guard !text.isEmpty else { return }
        blocks.append(TextBlock(text: text, tableIndex: nil))
    }
}
