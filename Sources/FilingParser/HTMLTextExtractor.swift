import CLibXML2

/// Walks a libxml2 HTML tree and emits text blocks, dropping what a reader never sees.
///
/// Hidden subtrees (`display:none`, `ix:header`, `script`, `style`, `head`) are skipped; block elements
/// end the current block; table rows become one block each, with non-empty cells joined by ` | `
/// (a lone `$` joins the next cell, a lone `)` or `%` joins the previous one).
struct HTMLTextExtractor {
    private(set) var blocks: [TextBlock] = []
    private var buffer = WhitespaceCollapsingBuffer()
    private var cells: [String] = []
    private var rowDepth = 0
    private var tableStack: [Int] = []
    private var tableCount = 0
    /// The dingbat font in effect for text nodes (check boxes), if any.
    private var symbolFont: SymbolFont?

    private static let skipped: Set<String> = ["script", "style", "head", "title", "ix:header", "noscript"]
    private static let blockElements: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "center", "pre", "hr",
        "section", "article", "body", "html", "dl", "dt", "dd", "form", "address", "caption",
    ]

    /// Walks the subtree of `node` (normally the document's root element).
    mutating func walk(_ node: xmlNodePtr) {
        var child: xmlNodePtr? = node
        while let current = child {
            visit(current)
            child = current.pointee.next
        }
        endBlock()
    }

    private mutating func visit(_ node: xmlNodePtr) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content {
                let text = String(cString: content)
                buffer.append(symbolFont.map { $0.map(text) } ?? text)
            }
        case XML_ELEMENT_NODE:
            visitElement(node)
        default:
            break
        }
    }

    private mutating func visitElement(_ node: xmlNodePtr) {
        let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
        if Self.skipped.contains(name) || isHidden(node) { return }
        let outerFont = symbolFont
        if let font = SymbolFont.of(node) { symbolFont = font }
        defer { symbolFont = outerFont }
        switch name {
        case "tr":
            endBlock()
            rowDepth += 1
            visitChildren(node)
            rowDepth -= 1
            endCell()
            endRow()
        case "td", "th":
            endCell()
            visitChildren(node)
            endCell()
        case "table":
            endBlock()
            tableStack.append(tableCount)
            tableCount += 1
            visitChildren(node)
            endCell()
            endRow()
            tableStack.removeLast()
        case "br":
            buffer.appendSpace()
        default:
            let isBlock = Self.blockElements.contains(name)
            if isBlock {
                if rowDepth > 0 { buffer.appendSpace() } else { endBlock() }
            }
            visitChildren(node)
            if isBlock {
                if rowDepth > 0 { buffer.appendSpace() } else { endBlock() }
            }
        }
    }

    private mutating func visitChildren(_ node: xmlNodePtr) {
        var child = node.pointee.children
        while let current = child {
            visit(current)
            child = current.pointee.next
        }
    }

    private func isHidden(_ node: xmlNodePtr) -> Bool {
        guard let raw = xmlGetProp(node, "style") else { return false }
        defer { vectordb_xml_free(raw) }
        let style = String(cString: raw).lowercased().filter { !$0.isWhitespace }
        return style.contains("display:none")
    }

    private mutating func endCell() {
        let text = buffer.take()
        guard !text.isEmpty else { return }
        if let last = cells.last, last == "$" {
            cells[cells.count - 1] = "$" + text
        } else if let last = cells.last, text == ")" || text == "%" || text == ")%" {
            cells[cells.count - 1] = last + text
        } else {
            cells.append(text)
        }
    }

    private mutating func endRow() {
        guard !cells.isEmpty else { return }
        blocks.append(TextBlock(text: cells.joined(separator: " | "), tableIndex: tableStack.last))
        cells.removeAll(keepingCapacity: true)
    }

    private mutating func endBlock() {
        if rowDepth > 0 || !cells.isEmpty {
            endCell()
            if rowDepth == 0 { endRow() }
            return
        }
        let text = buffer.take()
        guard !text.isEmpty else { return }
        blocks.append(TextBlock(text: text, tableIndex: nil))
    }
}

/// Accumulates text, collapsing every run of whitespace (including non-breaking and other Unicode
/// spaces) into one ASCII space, with no leading or trailing space.
struct WhitespaceCollapsingBuffer {
    private var text = ""
    private var pendingSpace = false

    mutating func append(_ fragment: String) {
        for original in fragment.unicodeScalars {
            let scalar = Self.windows1252(original)
            if Self.isSpace(scalar) {
                pendingSpace = true
                continue
            }
            if pendingSpace && !text.isEmpty { text.unicodeScalars.append(" ") }
            pendingSpace = false
            text.unicodeScalars.append(scalar)
        }
    }

    mutating func appendSpace() { pendingSpace = true }

    /// Whitespace, zero-width space or BOM; ASCII is decided without a Unicode property lookup,
    /// which dominated parse profiles.
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        return scalar.properties.isWhitespace || value == 0x200B || value == 0xFEFF
    }

    /// C1 control characters (U+0080–U+009F) never appear in real text; when they do, a
    /// windows-1252 file was read as Latin-1 (`Management\u{92}s`), so they are mapped back to the
    /// windows-1252 characters (`Management’s`).
    static func windows1252(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard (0x80...0x9F).contains(scalar.value) else { return scalar }
        let mapped = TextDecoding.windows1252High[Int(scalar.value - 0x80)]
        return mapped < 0xA0 ? " " : Unicode.Scalar(mapped) ?? scalar
    }

    /// Returns the collected text and empties the buffer.
    mutating func take() -> String {
        defer {
            text = ""
            pendingSpace = false
        }
        return text
    }
}
