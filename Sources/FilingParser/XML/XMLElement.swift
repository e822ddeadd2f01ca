import CLibXML2
import SECModel

/// A borrowed view of one libxml2 element node; valid while its `XMLTree` lives.
struct XMLElement {
    let node: xmlNodePtr

    init(_ node: xmlNodePtr) { self.node = node }

    /// The local name, e.g. `nonFraction`.
    var localName: String { node.pointee.name.map { String(cString: $0) } ?? "" }

    /// The namespace URI, or `""` for none.
    var namespaceURI: String { node.pointee.ns?.pointee.href.map { String(cString: $0) } ?? "" }

    /// Whether the element's namespace URI is `uri`; compared in place, without building a string.
    func isInNamespace(_ uri: String) -> Bool {
        CString.equals(node.pointee.ns?.pointee.href, uri.utf8)
    }

    /// The prefix as written, or `""`.
    var prefix: String { node.pointee.ns?.pointee.prefix.map { String(cString: $0) } ?? "" }

    /// The 1-based source line, for error context.
    var line: Int { Int(xmlGetLineNo(node)) }

    /// An attribute without a namespace (`contextRef`, `id`).
    func attribute(_ name: String) -> String? {
        guard let raw = xmlGetNoNsProp(node, name) else { return nil }
        defer { vectordb_xml_free(raw) }
        return String(cString: raw)
    }

    /// A namespaced attribute (`xsi:nil`, `xlink:href`).
    func attribute(_ name: String, namespace: String) -> String? {
        guard let raw = xmlGetNsProp(node, name, namespace) else { return nil }
        defer { vectordb_xml_free(raw) }
        return String(cString: raw)
    }

    /// Every attribute as `(qualified name, value)`, in document order.
    var attributes: [(name: String, value: String)] {
        var result: [(String, String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let local = current.pointee.name.map { String(cString: $0) } ?? ""
            let prefix = current.pointee.ns?.pointee.prefix.map { String(cString: $0) } ?? ""
            var value = ""
            if let raw = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)) {
                value = String(cString: raw)
                vectordb_xml_free(raw)
            }
            result.append((prefix.isEmpty ? local : "\(prefix):\(local)", value))
            attribute = current.pointee.next
        }
        return result
    }

    /// Child elements in document order.
    var childElements: [XMLElement] {
        var result: [XMLElement] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(XMLElement(current)) }
            child = current.pointee.next
        }
        return result
    }

    /// The first child element with this namespace and local name.
    func child(_ namespace: String, _ localName: String) -> XMLElement? {
        childElements.first { $0.localName == localName && $0.namespaceURI == namespace }
    }

    /// The concatenated text of every descendant text node.
    var textContent: String {
        guard let raw = xmlNodeGetContent(node) else { return "" }
        defer { vectordb_xml_free(raw) }
        return String(cString: raw)
    }

    /// `textContent` without leading and trailing XML whitespace.
    var trimmedText: String { textContent.trimmingXMLWhitespace() }

    /// Resolves a `prefix:local` QName written in this element's content or attributes against the
    /// namespaces in scope here; `nil` when the prefix is not declared.
    func resolveQName(_ written: String) -> XBRLQName? {
        let text = written.trimmingXMLWhitespace()
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        let prefix = parts.count == 2 ? parts[0] : ""
        let local = parts.count == 2 ? parts[1] : text
        guard !local.isEmpty else { return nil }
        let namespace =
            prefix.isEmpty ? xmlSearchNs(node.pointee.doc, node, nil) : xmlSearchNs(node.pointee.doc, node, prefix)
        guard let namespace else {
            return prefix.isEmpty ? XBRLQName(namespace: "", prefix: "", localName: local) : nil
        }
        let uri = namespace.pointee.href.map { String(cString: $0) } ?? ""
        return XBRLQName(namespace: uri, prefix: prefix, localName: local)
    }

    /// This element's own name as a QName.
    var qname: XBRLQName { XBRLQName(namespace: namespaceURI, prefix: prefix, localName: localName) }
}

extension String {
    /// Drops leading and trailing space, tab, CR and LF (XML whitespace; not U+00A0).
    func trimmingXMLWhitespace() -> String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    /// Replaces each run of XML whitespace with one space and trims (XML Schema `collapse`).
    func collapsingXMLWhitespace() -> String {
        var result = ""
        var pending = false
        for scalar in unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                pending = true
                continue
            }
            if pending && !result.isEmpty { result.unicodeScalars.append(" ") }
            pending = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
