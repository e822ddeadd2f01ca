import SECModel

/// The namespace declarations in scope at one element of a SAX parse: the element's own
/// declarations, then its ancestors'. Shared, immutable, so captured elements keep the scope they
/// were read in after the parse has moved on.
///
/// Lookups follow libxml2's `xmlSearchNs`, which the tree-based readers use: the nearest
/// declaration wins, `xml` is always bound, and `nil` asks for the default namespace.
final class XMLNamespaceScope: Sendable {
    /// `(prefix, URI)` as declared on one element, in document order; a `nil` prefix is `xmlns=`.
    let declarations: [(prefix: String?, uri: String)]
    let parent: XMLNamespaceScope?

    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    init(declarations: [(prefix: String?, uri: String)], parent: XMLNamespaceScope?) {
        self.declarations = declarations
        self.parent = parent
    }

    /// The URI bound to `prefix` here (`nil` for the default namespace), or `nil` when unbound.
    func uri(forPrefix prefix: String?) -> String? {
        if prefix == "xml" { return Self.xmlNamespace }
        var scope: XMLNamespaceScope? = self
        while let current = scope {
            if let found = current.declarations.first(where: { $0.prefix == prefix }) { return found.uri }
            scope = current.parent
        }
        return nil
    }

    /// Resolves a `prefix:local` QName written in content or an attribute against this scope.
    func resolve(_ written: String) -> XBRLQName? {
        QNameResolution.resolve(written) { uri(forPrefix: $0) }
    }
}
