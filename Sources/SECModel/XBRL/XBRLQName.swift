/// An XML qualified name as XBRL uses it for concepts, dimensions and measures.
///
/// Equality and hashing use the namespace and local name only (the prefix is a spelling of the
/// namespace chosen by the filer); `description` spells it `prefix:localName` as written.
public struct XBRLQName: Sendable, Codable, CustomStringConvertible {
    /// The namespace URI, or the empty string when the name has no namespace.
    public var namespace: String
    /// The prefix the document used, or the empty string for the default namespace.
    public var prefix: String
    /// The local part, e.g. `Revenues`.
    public var localName: String

    public init(namespace: String, prefix: String, localName: String) {
        self.namespace = namespace
        self.prefix = prefix
        self.localName = localName
    }

    /// `prefix:localName`, or `localName` without a prefix.
    public var description: String { prefix.isEmpty ? localName : "\(prefix):\(localName)" }

    /// `{namespace}localName` (James Clark notation), unambiguous across documents.
    public var clarkName: String { "{\(namespace)}\(localName)" }
}

extension XBRLQName: Hashable {
    public static func == (lhs: XBRLQName, rhs: XBRLQName) -> Bool {
        lhs.namespace == rhs.namespace && lhs.localName == rhs.localName
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(namespace)
        hasher.combine(localName)
    }
}
