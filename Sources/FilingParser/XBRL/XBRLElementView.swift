import SECModel

/// What `XBRLContext` and `XBRLUnit` read from an element: the XBRL instance reader passes libxml2
/// tree nodes (`XMLElement`), the inline reader elements it captured during its SAX pass
/// (`IXCapturedElement`).
protocol XBRLElementView {
    /// The local name, e.g. `context`.
    var localName: String { get }
    /// The namespace URI, or `""` for none.
    var namespaceURI: String { get }
    /// An attribute without a namespace (`id`, `scheme`, `dimension`).
    func attribute(_ name: String) -> String?
    /// Child elements in document order.
    var childElements: [Self] { get }
    /// The concatenated text of every descendant text node.
    var textContent: String { get }
    /// Resolves a `prefix:local` QName against the namespaces in scope at this element.
    func resolveQName(_ written: String) -> XBRLQName?
    /// The first child element with this namespace and local name.
    func child(_ namespace: String, _ localName: String) -> Self?
}

extension XBRLElementView {
    /// The first child element with this namespace and local name.
    func child(_ namespace: String, _ localName: String) -> Self? {
        childElements.first { $0.localName == localName && $0.namespaceURI == namespace }
    }

    /// `textContent` without leading and trailing XML whitespace.
    var trimmedText: String { textContent.trimmingXMLWhitespace() }
}
