import CLibXML2
import SECModel

/// A borrowed view of one libxml2 element node; valid while its `XMLTree` lives.
struct XMLElement: XBRLElementView {
    let node: xmlNodePtr

    init(_ node: xmlNodePtr) { self.node = node }

    /// The local name, e.g. `nonFraction`.
    var localName: String { node.pointee.name.map { String(cString: $0) } ?? "" }

    /// The namespace URI, or `""` for none.
    var namespaceURI: String { node.pointee.ns?.pointee.href.map { String(cString: $0) } ?? "" }

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

    /// The concatenated text of every descendant text node.
    var textContent: String {
        guard let raw = xmlNodeGetContent(node) else { return "" }
        defer { vectordb_xml_free(raw) }
        return String(cString: raw)
    }

    /// Resolves a `prefix:local` QName written in this element's content or attributes against the
    /// namespaces in scope here; `nil` when the prefix is not declared.
    func resolveQName(_ written: String) -> XBRLQName? {
        QNameResolution.resolve(written) { prefix in
            guard let namespace = xmlSearchNs(node.pointee.doc, node, prefix) else { return nil }
            return namespace.pointee.href.map { String(cString: $0) } ?? ""
        }
    }

    /// This element's own name as a QName.
    var qname: XBRLQName { XBRLQName(namespace: namespaceURI, prefix: prefix, localName: localName) }
}

extension String {
    /// Drops leading and trailing space, tab, CR and LF (XML whitespace; not U+00A0). Works on UTF-8
    /// bytes: those four are ASCII, and no other scalar's encoding contains their bytes.
    func trimmingXMLWhitespace() -> String {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { !Self.isXMLSpace($0) }),
            let last = bytes.lastIndex(where: { !Self.isXMLSpace($0) })
        else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }

    /// Replaces each run of XML whitespace with one space and trims (XML Schema `collapse`), on
    /// UTF-8 bytes like `trimmingXMLWhitespace`.
    func collapsingXMLWhitespace() -> String {
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count)
        var pending = false
        for byte in utf8 {
            if Self.isXMLSpace(byte) {
                pending = true
                continue
            }
            if pending && !result.isEmpty { result.append(0x20) }
            pending = false
            result.append(byte)
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func isXMLSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
