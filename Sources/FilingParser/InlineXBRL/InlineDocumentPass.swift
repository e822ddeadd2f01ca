import CLibXML2

/// One SAX pass of libxml2's XML parser over an inline-XBRL (XHTML) document, feeding the fact
/// collector, the HTML text replay, or both (`XHTMLSAXParser` drives it, reaching this value
/// through a pointer valid for the parse).
///
/// In recovery mode libxml2 abandons an element whose start tag it cannot finish without reporting
/// its end (its tree builder just pops the node); the pass ends such elements itself, at the next
/// event, by comparing its depth with the parser's element stack.
///
/// Events libxml2 produces while expanding an entity reference (its context's `depth` is above 0)
/// are not elements or text of the document in libxml2's tree, which keeps them under an entity
/// node: the fact collector gives their text to contexts and units only.
struct InlineDocumentPass {
    /// The facts, when the pass reads them.
    var facts: IXFactCollector?
    /// The text, when the pass reads it.
    var text: HTMLParserReplay?
    /// Whether any element was reported.
    private(set) var sawElement = false

    /// Element names seen so far, by libxml2's interned strings (local name, prefix, namespace URI):
    /// each distinct name is worked out once per parse.
    private struct NameKey: Hashable {
        let localName: UnsafeRawPointer
        let prefix: UnsafeRawPointer?
        let uri: UnsafeRawPointer?
    }
    private var infoIndexByName: [NameKey: Int] = [:]
    /// A direct-mapped cache in front of `infoIndexByName`, slot chosen by the local name's address:
    /// a document uses a few dozen names, so nearly every look-up is a hit without hashing.
    private var recentNames = [(key: NameKey, index: Int)?](repeating: nil, count: 128)
    private var infos: [IXElementInfo] = []

    init(facts: IXFactCollector?, text: HTMLParserReplay?) {
        self.facts = facts
        self.text = text
    }

    mutating func startElement(
        localName: UnsafePointer<UInt8>,
        prefix: UnsafePointer<UInt8>?,
        uri: UnsafePointer<UInt8>?,
        namespaces: UnsafeBufferPointer<UnsafePointer<UInt8>?>,
        attributes: SAXAttributes,
        context: xmlParserCtxtPtr
    ) {
        guard context.pointee.depth == 0 else {
            text?.reportUnmodelled()
            return
        }
        sawElement = true
        endAbandonedElements(context)
        openDepth += 1
        let info = infos[infoIndex(localName: localName, prefix: prefix, uri: uri)]
        if facts != nil {
            var declared: [(prefix: String?, uri: String)] = []
            var index = 0
            while index + 1 < namespaces.count {
                declared.append(
                    (
                        namespaces[index].map { String(cString: $0) },
                        namespaces[index + 1].map { String(cString: $0) } ?? ""
                    )
                )
                index += 2
            }
            // libxml2's tree stores lines up to 65535 (it was built without XML_PARSE_BIG_LINES).
            let line = min(Int(context.pointee.input?.pointee.line ?? 0), 65_535)
            facts?.start(info, namespaces: declared, attributes: attributes, line: line)
        }
        if text != nil {
            openHTMLNames.append(info.htmlNameID)
            text?.start(info.htmlNameID, attributes: attributes)
        }
    }

    mutating func endElement(context: xmlParserCtxtPtr) {
        guard context.pointee.depth == 0 else { return }
        // The parser still counts the element that ends here, as this pass does.
        endAbandonedElements(context)
        openDepth -= 1
        facts?.end()
        // The replay matches end tags by name: the innermost open XML element is the one ending.
        if text != nil { text?.end(openHTMLNames.popLast() ?? nil) }
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>, context: xmlParserCtxtPtr) {
        let fromEntity = context.pointee.depth > 0
        if !fromEntity { endAbandonedElements(context) }
        facts?.characters(bytes, fromEntity: fromEntity)
        if fromEntity { text?.reportUnmodelled() } else { text?.characters(bytes) }
    }

    /// A CDATA section: text to the facts (libxml2's tree reader merged it into text), not something
    /// the HTML parser reads the same way.
    mutating func cdata(_ bytes: UnsafeBufferPointer<UInt8>, context: xmlParserCtxtPtr) {
        if context.pointee.depth == 0 { endAbandonedElements(context) }
        facts?.characters(bytes, fromEntity: context.pointee.depth > 0)
        text?.reportUnmodelled()
    }

    /// An entity reference (`&nbsp;` under an external DTD, or a declared entity): no text for the
    /// facts, as in libxml2's tree; the HTML parser would decode it differently.
    mutating func reference() {
        text?.reportUnmodelled()
    }

    /// A comment (`data` `nil`) or a processing instruction.
    mutating func commentOrInstruction(data: UnsafePointer<UInt8>?, context: xmlParserCtxtPtr) {
        guard context.pointee.depth == 0 else { return }
        text?.commentOrInstruction(data: data)
    }

    /// The document has an internal DTD subset, whose declarations (default attributes, entities)
    /// the HTML parser ignores.
    mutating func internalSubsetDeclarations() {
        text?.reportUnmodelled()
    }

    /// Ends the pass: elements still open are closed.
    mutating func finish() {
        facts?.finish()
        text?.finish()
    }

    /// Elements started and not yet ended, outside entity expansions.
    private var openDepth = 0

    /// Ends the elements libxml2 has dropped from its element stack without an end event.
    private mutating func endAbandonedElements(_ context: xmlParserCtxtPtr) {
        let parserDepth = Int(context.pointee.nameNr)
        while openDepth > parserDepth && openDepth > 0 {
            openDepth -= 1
            facts?.end()
            if text != nil {
                text?.reportUnmodelled()
                _ = openHTMLNames.popLast()
            }
        }
    }

    /// The replay's numbers for the open XML elements' names.
    private var openHTMLNames: [Int?] = []

    private mutating func infoIndex(
        localName: UnsafePointer<UInt8>,
        prefix: UnsafePointer<UInt8>?,
        uri: UnsafePointer<UInt8>?
    )
        -> Int
    {
        let key = NameKey(
            localName: UnsafeRawPointer(localName),
            prefix: prefix.map(UnsafeRawPointer.init),
            uri: uri.map(UnsafeRawPointer.init)
        )
        let slot = Int(bitPattern: UInt(bitPattern: localName) >> 3) & (recentNames.count - 1)
        if let recent = recentNames[slot], recent.key == key { return recent.index }
        if let index = infoIndexByName[key] {
            recentNames[slot] = (key, index)
            return index
        }
        let local = String(cString: localName)
        let prefixText = prefix.map { String(cString: $0) }
        let qualified = Array(((prefixText.map { $0 + ":" }) ?? "").utf8) + Array(local.utf8)
        let info = IXElementInfo(
            number: infos.count,
            localName: local,
            prefix: prefixText,
            namespaceURI: uri.map { String(cString: $0) } ?? "",
            htmlNameID: text?.nameID(qualifiedName: qualified)
        )
        infos.append(info)
        infoIndexByName[key] = infos.count - 1
        return infos.count - 1
    }
}
