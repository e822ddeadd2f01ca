import SECModel

/// An element kept from a SAX pass with its subtree (contexts and units are small), readable by
/// `XBRLContext` and `XBRLUnit` like a tree node. A class: the readers pass elements around a lot.
final class IXCapturedElement: XBRLElementView {
    let localName: String
    let namespaceURI: String
    /// Attributes written without a prefix, values decoded.
    let attributes: [(name: String, value: String)]
    let childElements: [IXCapturedElement]
    let textContent: String
    /// The namespaces in scope at the element, for QNames in its content and attributes.
    let scope: XMLNamespaceScope

    init(
        localName: String,
        namespaceURI: String,
        attributes: [(name: String, value: String)],
        childElements: [IXCapturedElement],
        textContent: String,
        scope: XMLNamespaceScope
    ) {
        self.localName = localName
        self.namespaceURI = namespaceURI
        self.attributes = attributes
        self.childElements = childElements
        self.textContent = textContent
        self.scope = scope
    }

    func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }

    func resolveQName(_ written: String) -> XBRLQName? { scope.resolve(written) }
}

/// Builds one `IXCapturedElement` from the SAX events of its subtree.
struct IXCapturedElementBuilder {
    private struct Partial {
        let localName: String
        let namespaceURI: String
        let attributes: [(name: String, value: String)]
        let scope: XMLNamespaceScope
        var children: [IXCapturedElement] = []
        var text: [UInt8] = []
    }

    private var open: [Partial] = []
    /// The finished element, once its end tag was seen.
    private(set) var result: IXCapturedElement?

    /// Starts with the root element.
    init(_ element: IXElementInfo, attributes: SAXAttributes, scope: XMLNamespaceScope) {
        start(element, attributes: attributes, scope: scope)
    }

    mutating func start(_ element: IXElementInfo, attributes: SAXAttributes, scope: XMLNamespaceScope) {
        var kept: [(name: String, value: String)] = []
        for index in 0..<attributes.count where attributes.prefix(at: index) == nil {
            guard let local = attributes.localName(at: index) else { continue }
            kept.append(
                (String(cString: local), attributes.stringValue(at: index))
            )
        }
        open.append(
            Partial(
                localName: element.localName,
                namespaceURI: element.namespaceURI,
                attributes: kept,
                scope: scope
            )
        )
    }

    mutating func end() {
        guard let partial = open.popLast() else { return }
        let element = IXCapturedElement(
            localName: partial.localName,
            namespaceURI: partial.namespaceURI,
            attributes: partial.attributes,
            childElements: partial.children,
            textContent: String(decoding: partial.text, as: UTF8.self),
            scope: partial.scope
        )
        if open.isEmpty {
            result = element
        } else {
            open[open.count - 1].children.append(element)
        }
    }

    /// Character data: part of the text of every open element.
    mutating func characters(_ text: UnsafeBufferPointer<UInt8>) {
        for index in open.indices { open[index].text.append(contentsOf: text) }
    }
}
