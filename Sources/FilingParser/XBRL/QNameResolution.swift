import SECModel

/// Reading a QName written in XBRL content or attributes (`us-gaap:Revenues`, `ixt:num-dot-decimal`),
/// the same way for the tree-based and the SAX readers.
enum QNameResolution {
    /// Splits `written` (surrounding XML whitespace ignored) at its first `:` and looks the prefix up
    /// with `namespaceFor` (`nil` asks for the default namespace).
    ///
    /// - Returns: `nil` when the local part is empty or a prefix is not declared; an unprefixed name
    ///   with no default namespace has the empty namespace.
    static func resolve(_ written: String, namespaceFor: (String?) -> String?) -> XBRLQName? {
        let text = written.trimmingXMLWhitespace()
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        let prefix = parts.count == 2 ? parts[0] : ""
        let local = parts.count == 2 ? parts[1] : text
        guard !local.isEmpty else { return nil }
        guard let uri = namespaceFor(prefix.isEmpty ? nil : prefix) else {
            return prefix.isEmpty ? XBRLQName(namespace: "", prefix: "", localName: local) : nil
        }
        return XBRLQName(namespace: uri, prefix: prefix, localName: local)
    }
}
