/// The text of one inline element (a fact, a continuation, a footnote), built from SAX events while
/// the element is open, as Inline XBRL 1.1 defines it (and Arelle computes it): descendant text in
/// document order, `ix:exclude` subtrees left out, comments ignored; with `escape` the XHTML markup is
/// kept, serialised with attributes sorted by name, an element with no content written `<a></a>`
/// (`<br/>` for HTML's empty elements).
struct IXTextCapture {
    /// What an open descendant element contributes.
    private struct Frame {
        /// The serialised name (`prefix:local`), or `nil` for an inline element, whose content is
        /// kept without its tags.
        let tag: [UInt8]?
        let isSelfClosing: Bool
        /// Whether any text or element was kept inside it yet.
        var emitted = false
    }

    let escape: Bool
    private(set) var bytes: [UInt8] = []
    private var frames: [Frame] = []
    /// Open elements inside an `ix:exclude` (the exclude included); 0 outside one.
    private var excludedDepth = 0

    init(escape: Bool) { self.escape = escape }

    /// A descendant start tag.
    mutating func start(_ element: IXElementInfo, attributes: SAXAttributes) {
        if excludedDepth > 0 {
            excludedDepth += 1
            return
        }
        if element.isExclude {
            excludedDepth = 1
            return
        }
        markEmitted()
        guard escape else { return }
        guard !element.isInline else {
            frames.append(Frame(tag: nil, isSelfClosing: false))
            return
        }
        bytes.append(UInt8(ascii: "<"))
        bytes.append(contentsOf: element.qualifiedName)
        appendAttributes(attributes)
        bytes.append(UInt8(ascii: ">"))
        frames.append(Frame(tag: element.qualifiedName, isSelfClosing: element.isSelfClosing))
    }

    /// A descendant end tag.
    mutating func end() {
        if excludedDepth > 0 {
            excludedDepth -= 1
            return
        }
        guard escape, let frame = frames.popLast(), let tag = frame.tag else { return }
        if !frame.emitted && frame.isSelfClosing {
            // Nothing was written after the start tag: `<br …>` becomes `<br …/>`.
            bytes.removeLast()
            bytes.append(contentsOf: "/>".utf8)
            return
        }
        bytes.append(contentsOf: "</".utf8)
        bytes.append(contentsOf: tag)
        bytes.append(UInt8(ascii: ">"))
    }

    /// Descendant character data (UTF-8).
    mutating func characters(_ text: UnsafeBufferPointer<UInt8>) {
        guard excludedDepth == 0 else { return }
        markEmitted()
        guard escape else {
            bytes.append(contentsOf: text)
            return
        }
        var start = 0
        for (index, byte) in text.enumerated() {
            let replacement: StaticString
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            default: continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<index]))
            bytes.append(
                contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount)
            )
            start = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
    }

    private mutating func markEmitted() {
        if !frames.isEmpty { frames[frames.count - 1].emitted = true }
    }

    /// ` name="value"` for each attribute, sorted by qualified name, `&` and `"` escaped.
    private mutating func appendAttributes(_ attributes: SAXAttributes) {
        guard attributes.count > 0 else { return }
        if attributes.count == 1 {
            // One attribute (usually `style`): nothing to sort.
            appendAttribute(name: Self.qualifiedName(attributes, 0), value: attributes.decodedValue(at: 0))
            return
        }
        var sorted = (0..<attributes.count).map { (name: Self.qualifiedName(attributes, $0), index: $0) }
        sorted.sort { $0.name.lexicographicallyPrecedes($1.name) }
        for (name, index) in sorted { appendAttribute(name: name, value: attributes.decodedValue(at: index)) }
    }

    private static func qualifiedName(_ attributes: SAXAttributes, _ index: Int) -> [UInt8] {
        var name: [UInt8] = []
        if let prefix = attributes.prefix(at: index), prefix.pointee != 0 {
            name.append(contentsOf: CString.bytes(prefix))
            name.append(UInt8(ascii: ":"))
        }
        if let local = attributes.localName(at: index) { name.append(contentsOf: CString.bytes(local)) }
        return name
    }

    private mutating func appendAttribute(name: [UInt8], value: [UInt8]) {
        bytes.append(UInt8(ascii: " "))
        bytes.append(contentsOf: name)
        bytes.append(contentsOf: "=\"".utf8)
        for byte in value {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
