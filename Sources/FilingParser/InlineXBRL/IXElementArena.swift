/// The contexts and units of a SAX pass, kept flat: one node per element in document order, one byte
/// buffer for attribute values and one for text. A document may define thousands of contexts and
/// use a few; nothing is decoded into `String`s until a fact asks for its context
/// (`IXCapturedElement` reads a node), and the whole store is a handful of arrays to free.
///
/// Text is appended in document order while any node is open, so an element's text content (every
/// descendant text node, concatenated) is one contiguous range of `text`.
struct IXElementArena {
    struct Node {
        /// The element's name, by `IXElementInfo.number`.
        let name: Int
        /// The node after this element's last descendant: children are `index + 1` and the nodes
        /// that follow each child's subtree, up to here.
        var subtreeEnd: Int
        /// Attributes written without a prefix, in `attributes`.
        let attributes: Range<Int>
        let textStart: Int
        var textEnd: Int
        /// The namespaces in scope, in `scopes`.
        let scope: Int
    }

    /// One attribute: its local name and decoded value, both in `attributeBytes`.
    struct Attribute {
        let name: Range<Int>
        let value: Range<Int>
    }

    private(set) var nodes: [Node] = []
    private(set) var attributes: [Attribute] = []
    private(set) var attributeBytes: [UInt8] = []
    private(set) var text: [UInt8] = []
    private(set) var scopes: [XMLNamespaceScope] = []
    /// The element names seen, by `IXElementInfo.number` (`nil` for names no node has).
    private(set) var names: [IXElementInfo?] = []
    /// The nodes started and not yet ended, innermost last.
    private var open: [Int] = []

    /// Whether an element is open: its descendants and text are kept.
    var isCapturing: Bool { !open.isEmpty }

    /// Starts a node for an element; returns its index.
    mutating func start(
        _ element: IXElementInfo,
        attributes saxAttributes: SAXAttributes,
        scope: XMLNamespaceScope
    )
        -> Int
    {
        if element.number >= names.count {
            names.append(contentsOf: repeatElement(nil, count: element.number + 1 - names.count))
        }
        names[element.number] = element
        if scopes.last !== scope { scopes.append(scope) }
        let firstAttribute = attributes.count
        for index in 0..<saxAttributes.count where saxAttributes.prefix(at: index) == nil {
            guard let local = saxAttributes.localName(at: index) else { continue }
            let nameStart = attributeBytes.count
            attributeBytes.append(contentsOf: CString.bytes(local))
            let valueStart = attributeBytes.count
            let raw = saxAttributes.rawValue(at: index)
            if raw.contains(UInt8(ascii: "&")) {
                attributeBytes.append(contentsOf: saxAttributes.decodedValue(at: index))
            } else {
                attributeBytes.append(contentsOf: raw)
            }
            attributes.append(
                Attribute(name: nameStart..<valueStart, value: valueStart..<attributeBytes.count)
            )
        }
        let node = nodes.count
        nodes.append(
            Node(
                name: element.number,
                subtreeEnd: node + 1,
                attributes: firstAttribute..<attributes.count,
                textStart: text.count,
                textEnd: text.count,
                scope: scopes.count - 1
            )
        )
        open.append(node)
        return node
    }

    /// Ends the innermost open node; returns its index.
    mutating func end() -> Int? {
        guard let node = open.popLast() else { return nil }
        nodes[node].subtreeEnd = nodes.count
        nodes[node].textEnd = text.count
        return node
    }

    /// Character data inside the open nodes.
    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        text.append(contentsOf: bytes)
    }
}
