import CLibXML2

/// The text of an inline fact as Inline XBRL 1.1 defines it (and Arelle computes it): descendant text
/// in document order, `ix:exclude` subtrees left out, comments ignored; with `escape="true"` the
/// XHTML markup is kept, serialised with attributes sorted by name.
///
/// Built as UTF-8 bytes straight from libxml2's node strings: escaped text blocks are most of the
/// work of reading a large filing's facts.
struct IXText {
    /// Continuation elements by `id`, for `continuedAt` chains.
    let continuations: [String: XMLElement]
    /// Longest `continuedAt` chain followed; a longer (or cyclic) chain is cut here.
    static let chainLengthMax = 10_000

    /// The text of `element`, following its `continuedAt` chain when `followContinuations`.
    func text(of element: XMLElement, escape: Bool, followContinuations: Bool) -> String {
        var output: [UInt8] = []
        var current: XMLElement? = element
        var visited: Set<String> = []
        while let part = current, visited.count < Self.chainLengthMax {
            _ = Self.append(childrenOf: part.node, escape: escape, into: &output)
            guard followContinuations, let next = part.attribute("continuedAt"), visited.insert(next).inserted else {
                break
            }
            current = continuations[next]
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the content of `node`'s children; returns whether anything was emitted (Arelle emits
    /// an element as `<a></a>` rather than `<a>…</a>` when nothing was).
    private static func append(childrenOf node: xmlNodePtr, escape: Bool, into output: inout [UInt8]) -> Bool {
        var emitted = false
        var child = node.pointee.children
        while let current = child {
            defer { child = current.pointee.next }
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = current.pointee.content, content.pointee != 0 else { continue }
                if escape { appendEscapedText(content, to: &output) } else { appendCString(content, to: &output) }
                emitted = true
            case XML_ELEMENT_NODE:
                let isInline = isInlineNamespace(current)
                if isInline && CString.equals(current.pointee.name, "exclude".utf8) { continue }
                emitted = true
                guard escape else {
                    _ = append(childrenOf: current, escape: false, into: &output)
                    continue
                }
                if isInline {
                    _ = append(childrenOf: current, escape: true, into: &output)
                    continue
                }
                let mark = output.count
                appendStartTag(current, to: &output)
                if append(childrenOf: current, escape: true, into: &output) {
                    output.append(contentsOf: "</".utf8)
                    appendTagName(current, to: &output)
                    output.append(UInt8(ascii: ">"))
                } else {
                    output.removeSubrange(mark...)
                    appendEmptyTag(current, to: &output)
                }
            default:
                continue
            }
        }
        return emitted
    }

    private static let selfClosing: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]

    private static func isInlineNamespace(_ node: xmlNodePtr) -> Bool {
        let element = XMLElement(node)
        return element.isInNamespace(XBRLNamespace.inline11) || element.isInNamespace(XBRLNamespace.inline10)
    }

    private static func appendCString(_ cString: UnsafePointer<UInt8>, to output: inout [UInt8]) {
        output.append(contentsOf: CString.bytes(cString))
    }

    private static func appendTagName(_ node: xmlNodePtr, to output: inout [UInt8]) {
        if let prefix = node.pointee.ns?.pointee.prefix, prefix.pointee != 0 {
            appendCString(prefix, to: &output)
            output.append(UInt8(ascii: ":"))
        }
        if let name = node.pointee.name { appendCString(name, to: &output) }
    }

    private static func appendStartTag(_ node: xmlNodePtr, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "<"))
        appendTagName(node, to: &output)
        appendAttributes(node, to: &output)
        output.append(UInt8(ascii: ">"))
    }

    private static func appendEmptyTag(_ node: xmlNodePtr, to output: inout [UInt8]) {
        let localName = node.pointee.name.map { String(cString: $0) } ?? ""
        output.append(UInt8(ascii: "<"))
        appendTagName(node, to: &output)
        appendAttributes(node, to: &output)
        if selfClosing.contains(localName) {
            output.append(contentsOf: "/>".utf8)
        } else {
            output.append(contentsOf: "></".utf8)
            appendTagName(node, to: &output)
            output.append(UInt8(ascii: ">"))
        }
    }

    /// ` name="value"` for each attribute, sorted by qualified name, `&` and `"` escaped.
    private static func appendAttributes(_ node: xmlNodePtr, to output: inout [UInt8]) {
        guard let first = node.pointee.properties else { return }
        if first.pointee.next == nil {
            // One attribute (usually `style`): nothing to sort.
            appendAttribute(name: qualifiedName(first), value: attributeValue(first), to: &output)
            return
        }
        var attributes: [(name: [UInt8], value: [UInt8])] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            attributes.append((qualifiedName(current), attributeValue(current)))
        }
        attributes.sort { $0.name.lexicographicallyPrecedes($1.name) }
        for (name, value) in attributes { appendAttribute(name: name, value: value, to: &output) }
    }

    private static func qualifiedName(_ attribute: xmlAttrPtr) -> [UInt8] {
        var name: [UInt8] = []
        if let prefix = attribute.pointee.ns?.pointee.prefix, prefix.pointee != 0 {
            appendCString(prefix, to: &name)
            name.append(UInt8(ascii: ":"))
        }
        if let local = attribute.pointee.name { appendCString(local, to: &name) }
        return name
    }

    private static func appendAttribute(name: [UInt8], value: [UInt8], to output: inout [UInt8]) {
        output.append(UInt8(ascii: " "))
        output.append(contentsOf: name)
        output.append(contentsOf: "=\"".utf8)
        for byte in value {
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// An attribute's value: its single text child read in place, else libxml2's content of it.
    private static func attributeValue(_ attribute: xmlAttrPtr) -> [UInt8] {
        var value: [UInt8] = []
        if let child = attribute.pointee.children, child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE {
            if let content = child.pointee.content { appendCString(content, to: &value) }
            return value
        }
        let node = UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: xmlNode.self)
        guard let raw = xmlNodeGetContent(node) else { return value }
        appendCString(raw, to: &value)
        vectordb_xml_free(raw)
        return value
    }

    private static func appendEscapedText(_ cString: UnsafePointer<UInt8>, to output: inout [UInt8]) {
        var offset = 0
        while cString[offset] != 0 {
            let byte = cString[offset]
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            default: output.append(byte)
            }
            offset += 1
        }
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation needed); compares scalars, not
    /// grapheme clusters, which is what markup escaping needs and much cheaper.
    func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
        guard unicodeScalars.contains(target) else { return self }
        var result = ""
        result.reserveCapacity(utf8.count + replacement.utf8.count)
        for scalar in unicodeScalars {
            if scalar == target { result += replacement } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
