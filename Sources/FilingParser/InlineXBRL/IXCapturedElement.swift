import SECModel

/// One element kept from a SAX pass (a context, a unit, or one of their descendants), read from its
/// `IXElementArena` node like a tree node by `XBRLContext` and `XBRLUnit`; its strings are made on
/// demand.
struct IXCapturedElement: XBRLElementView {
    /// The arena, shared by reference: views are made for every child looked at.
    final class Arena {
        let value: IXElementArena
        init(_ value: IXElementArena) { self.value = value }
    }

    private let shared: Arena
    let index: Int

    init(_ arena: Arena, index: Int) {
        shared = arena
        self.index = index
    }

    private var arena: IXElementArena { shared.value }
    private var node: IXElementArena.Node { arena.nodes[index] }

    var localName: String { arena.names[node.name]?.localName ?? "" }

    var namespaceURI: String { arena.names[node.name]?.namespaceURI ?? "" }

    /// The first attribute without a prefix called `name`, value decoded.
    func attribute(_ name: String) -> String? {
        let bytes = arena.attributeBytes
        for attribute in arena.attributes[node.attributes]
        where name.utf8.elementsEqual(bytes[attribute.name]) {
            return String(decoding: bytes[attribute.value], as: UTF8.self)
        }
        return nil
    }

    var childElements: [IXCapturedElement] {
        var children: [IXCapturedElement] = []
        let end = node.subtreeEnd
        var child = index + 1
        while child < end {
            children.append(IXCapturedElement(shared, index: child))
            child = arena.nodes[child].subtreeEnd
        }
        return children
    }

    /// The first child element with this namespace and local name, found without making the others.
    func child(_ namespace: String, _ localName: String) -> IXCapturedElement? {
        let nodes = arena.nodes
        let end = nodes[index].subtreeEnd
        var child = index + 1
        while child < end {
            if let name = arena.names[nodes[child].name], name.localName == localName, name.namespaceURI == namespace {
                return IXCapturedElement(shared, index: child)
            }
            child = nodes[child].subtreeEnd
        }
        return nil
    }

    var textContent: String {
        let node = node
        return String(decoding: arena.text[node.textStart..<node.textEnd], as: UTF8.self)
    }

    /// Resolves a QName against the namespaces in scope at the element.
    func resolveQName(_ written: String) -> XBRLQName? { arena.scopes[node.scope].resolve(written) }
}
