/// Reproduces, from the events of libxml2's XML parser, the events its HTML parser would report for
/// the same well-formed XHTML document, and feeds them to its `HTMLTextExtractor`: the HTML parser
/// lower-cases names, closes elements a start tag implies the end of (`<div>` inside `<p>`), implies
/// `html`, `head`, `body` and `p`, ends empty elements at once and ignores end tags it cannot match
/// (`HTMLParserRules`). Inline XBRL is XHTML, and the XML parser reads it several times faster.
///
/// Cases the replay does not model set `failed`; the caller then reads the text with the HTML
/// parser instead: a name the HTML parser would not read as a tag name, a misplaced `html`, `head`
/// or `body` start tag (the HTML parser's handling depends on how the tag was written), and what
/// the XML parser reports but the HTML parser reads differently (`reportUnmodelled`: CDATA sections,
/// entity references, an internal DTD subset).
struct HTMLParserReplay {
    /// What the rules say about one name, numbered as `nameID` numbers names; plain values, so the
    /// per-event look-ups touch no reference counts.
    private struct Name {
        let kind: HTMLElementKind
        let priority: Int
        let isEmpty: Bool
        let isRawText: Bool
        /// A start tag before which a missing `head` is implied (`HTMLParserRules.headContent`).
        let isHeadContent: Bool
        /// A frame element, before which no `body` is implied.
        let isFrame: Bool
    }

    /// The text, complete once `finish` ran without `failed`.
    private(set) var extractor = HTMLTextExtractor()
    private(set) var failed = false
    private var names: [Name] = []
    private var idsByText: [String: Int] = [:]
    /// `closes[open * ruleNameCount + new]`: a start tag numbered `new` closes an open element
    /// numbered `open` (both below `ruleNameCount`: only the rules' names close anything).
    private var closesTable: [Bool] = []
    private let ruleNameCount: Int
    private var stack: [Int] = []
    /// Attribute names seen so far by libxml2's interned addresses (see `attributeRole`).
    private var attributeNames = [(local: UnsafePointer<UInt8>, prefix: UnsafePointer<UInt8>?, role: AttributeRole)?](
        repeating: nil,
        count: 64
    )
    /// libxml2's `ctxt->html`: 3 once a `head` was opened, 10 once a `body` was.
    private var structureLevel = 1
    private let html: Int, head: Int, body: Int, paragraph: Int

    init() {
        var ruleNames = Set(HTMLParserRules.closedBy.keys)
        for closers in HTMLParserRules.closedBy.values { ruleNames.formUnion(closers) }
        ruleNames.formUnion(["html", "head", "body", "p"])
        // The rules' names are numbered first, in this order, so a rule is a look-up by number.
        let ordered = ruleNames.sorted()
        ruleNameCount = ordered.count
        html = ordered.firstIndex(of: "html") ?? 0
        head = ordered.firstIndex(of: "head") ?? 0
        body = ordered.firstIndex(of: "body") ?? 0
        paragraph = ordered.firstIndex(of: "p") ?? 0
        for text in ordered { _ = intern(text) }
        closesTable = Array(repeating: false, count: ruleNameCount * ruleNameCount)
        for (open, closers) in HTMLParserRules.closedBy {
            guard let openID = idsByText[open] else { continue }
            for closer in closers {
                if let closerID = idsByText[closer] { closesTable[openID * ruleNameCount + closerID] = true }
            }
        }
    }

    /// The number standing for the element named `qualifiedName` (prefix and local name as written),
    /// or `nil` when the HTML parser would not read it as a tag name.
    mutating func nameID(qualifiedName: [UInt8]) -> Int? {
        guard Self.isTagName(qualifiedName) else { return nil }
        let lowered = String(decoding: qualifiedName.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        return idsByText[lowered] ?? intern(lowered)
    }

    /// An XML start tag.
    mutating func start(_ id: Int?, attributes: SAXAttributes) {
        guard !failed else { return }
        // Inside `script` or `style` the HTML parser reads markup as text, up to the first `</style`
        // (or `</script`), which may be a nested end tag.
        guard !inRawText else { return reportUnmodelled() }
        guard let id, let read = readAttributes(attributes) else { return reportUnmodelled() }
        closeOpenElements(closedBy: id)
        implyParents(of: id)
        let misplaced =
            (id == html && !stack.isEmpty) || (id == head && stack.count != 1) || (id == body && stack.contains(body))
        guard !misplaced else { return reportUnmodelled() }
        push(id, attributes: read)
        if names[id].isEmpty { popTop() }
    }

    /// An XML end tag.
    mutating func end(_ id: Int?) {
        guard !failed else { return }
        guard let id else { return reportUnmodelled() }
        // The common case: the element ending is the innermost open one.
        if stack.last == id { return popTop() }
        // An end tag with no open match is ignored; one that would close an element of higher
        // priority on the way is ignored too.
        guard let match = stack.lastIndex(of: id) else { return }
        let priority = names[id].priority
        guard stack[(match + 1)...].allSatisfy({ names[$0].priority <= priority }) else { return }
        while stack.count > match { popTop() }
    }

    /// Character data (UTF-8).
    mutating func characters(_ text: UnsafeBufferPointer<UInt8>) {
        guard !failed else { return }
        // Only text outside any element, or directly in `html` or `head`, can imply a `p`; the scan
        // for a non-blank byte is left for that rare case.
        if stack.isEmpty || stack.last == html || stack.last == head,
            text.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) })
        {
            implyParagraph()
        }
        extractor.characters(text)
    }

    /// A comment or processing instruction (`data`: its text after the target). The HTML parser
    /// skips both, but ends a processing instruction at its first `>`, and reads either as text
    /// inside `script` or `style`.
    mutating func commentOrInstruction(data: UnsafePointer<UInt8>?) {
        guard !failed else { return }
        if inRawText || data.map({ CString.bytes($0).contains(UInt8(ascii: ">")) }) == true { reportUnmodelled() }
    }

    /// Something the HTML parser would read differently; the replay stops.
    mutating func reportUnmodelled() { failed = true }

    /// The end of the document: every element still open is ended.
    mutating func finish() {
        guard !failed else { return }
        while !stack.isEmpty { popTop() }
        extractor.finish()
    }

    /// The innermost open element is `script` or `style`, whose content the HTML parser reads as text.
    private var inRawText: Bool { stack.last.map { names[$0].isRawText } == true }

    private mutating func intern(_ text: String) -> Int {
        let id = names.count
        names.append(
            Name(
                kind: HTMLElementKind(lowercasedName: text),
                priority: HTMLParserRules.endPriority(text),
                isEmpty: HTMLParserRules.emptyElements.contains(text),
                isRawText: HTMLParserRules.rawTextElements.contains(text),
                isHeadContent: HTMLParserRules.headContent.contains(text),
                isFrame: HTMLParserRules.frameElements.contains(text)
            )
        )
        idsByText[text] = id
        return id
    }

    private func closes(open: Int, new: Int) -> Bool {
        open < ruleNameCount && new < ruleNameCount && closesTable[open * ruleNameCount + new]
    }

    /// `htmlAutoClose`: ends open elements while the innermost one is closed by the new start tag.
    private mutating func closeOpenElements(closedBy new: Int) {
        while let top = stack.last, closes(open: top, new: new) { popTop() }
    }

    /// `htmlCheckImplied`: opens a missing `html`, then `head` or `body`, before the new start tag.
    private mutating func implyParents(of new: Int) {
        // Once a `body` was opened nothing more is implied: the common case, decided first.
        guard structureLevel < 10 || stack.isEmpty, new != html else { return }
        if stack.isEmpty { push(html) }
        guard new != body && new != head else { return }
        if stack.count <= 1 && names[new].isHeadContent {
            if structureLevel < 3 { push(head) }
        } else if !names[new].isFrame {
            guard structureLevel < 10, !stack.contains(where: { $0 == body || $0 == head }) else { return }
            push(body)
        }
    }

    /// `htmlCheckParagraph`: text outside any element, or directly in `html` or `head`, opens a `p`.
    private mutating func implyParagraph() {
        closeOpenElements(closedBy: paragraph)
        implyParents(of: paragraph)
        push(paragraph)
    }

    private mutating func push(_ id: Int, attributes: ReadAttributes = ReadAttributes()) {
        if id == head && structureLevel < 3 { structureLevel = 3 }
        if id == body && structureLevel < 10 { structureLevel = 10 }
        stack.append(id)
        extractor.startElement(names[id].kind, attributes: attributes)
    }

    private mutating func popTop() {
        stack.removeLast()
        extractor.endElement()
    }

    /// `htmlParseHTMLName` for a start tag: an ASCII letter, then letters, digits, `:`, `-`, `_`
    /// or `.`, under 100 bytes.
    private static func isTagName(_ name: [UInt8]) -> Bool {
        guard let first = name.first, isLetter(first), name.count < 100 else { return false }
        return name.allSatisfy(isNameByte)
    }

    /// The `style` and `face` values the extractor reads, or `nil` when an attribute name is one the
    /// HTML parser would not read whole (see `attributeNameIsHTML`).
    private mutating func readAttributes(_ attributes: SAXAttributes) -> ReadAttributes? {
        var read = ReadAttributes()
        for index in 0..<attributes.count {
            guard let local = attributes.localName(at: index) else { return nil }
            let prefix = attributes.prefix(at: index)
            guard let role = attributeRole(local: local, prefix: prefix) else { return nil }
            switch role {
            case .style where read.style == nil: read.style = attributes.rawValue(at: index)
            case .face where read.face == nil: read.face = attributes.rawValue(at: index)
            default: break
            }
        }
        return read
    }

    /// What an attribute name is to the extractor, `nil` when the HTML parser would not read it
    /// whole. libxml2 interns names, so each distinct one is worked out once, then found by address
    /// in a direct-mapped cache.
    private mutating func attributeRole(local: UnsafePointer<UInt8>, prefix: UnsafePointer<UInt8>?) -> AttributeRole? {
        let slot = Int(bitPattern: UInt(bitPattern: local) >> 3) & (attributeNames.count - 1)
        if let known = attributeNames[slot], known.local == local, known.prefix == prefix { return known.role }
        guard Self.attributeNameIsHTML(local: local, prefix: prefix) else { return nil }
        let role: AttributeRole =
            prefix != nil
            ? .other
            : Self.equalsFolded(local, "style") ? .style : Self.equalsFolded(local, "face") ? .face : .other
        attributeNames[slot] = (local, prefix, role)
        return role
    }

    /// Whether `name` is `lowercase` (ASCII) once its upper-case letters are lowered, as the HTML
    /// parser lowers attribute names.
    private static func equalsFolded(_ name: UnsafePointer<UInt8>, _ lowercase: StaticString) -> Bool {
        var offset = 0
        for byte in UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount) {
            let candidate = name[offset]
            guard candidate != 0, (0x41...0x5A).contains(candidate) ? candidate | 0x20 == byte : candidate == byte
            else { return false }
            offset += 1
        }
        return name[offset] == 0
    }

    /// A name the HTML parser reads whole (it may also start with `_` or `:`).
    private static func attributeNameIsHTML(local: UnsafePointer<UInt8>, prefix: UnsafePointer<UInt8>?) -> Bool {
        var length = 0
        if let prefix {
            let bytes = CString.bytes(prefix)
            guard bytes.allSatisfy(isNameByte) else { return false }
            length += bytes.count + 1
        }
        let bytes = CString.bytes(local)
        guard bytes.allSatisfy(isNameByte) else { return false }
        length += bytes.count
        guard length < 100 else { return false }
        let first = prefix?[0] ?? local[0]
        return isLetter(first) || first == UInt8(ascii: "_") || first == UInt8(ascii: ":")
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }
}

/// The attributes of a replayed start tag that the extractor reads.
struct ReadAttributes: HTMLAttributeLookup {
    var style: UnsafeBufferPointer<UInt8>?
    var face: UnsafeBufferPointer<UInt8>?
}

/// What an attribute name means to the extractor.
private enum AttributeRole {
    case style, face, other
}
