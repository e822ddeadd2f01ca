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
        if let (prefix, local) = asciiParts(written) {
            guard let uri = namespaceFor(prefix.isEmpty ? nil : prefix) else {
                return prefix.isEmpty ? XBRLQName(namespace: "", prefix: "", localName: local) : nil
            }
            return XBRLQName(namespace: uri, prefix: prefix, localName: local)
        }
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

    /// The prefix (or `""`) and local part of an ASCII name without surrounding whitespace and with
    /// at most one `:`, not at either end — nearly every name — split by byte offset, without the
    /// general path's character-level split; `nil` for anything else.
    private static func asciiParts(_ written: String) -> (prefix: String, local: String)? {
        let parts = written.utf8.withContiguousStorageIfAvailable { bytes -> (prefix: String, local: String)? in
            guard let first = bytes.first, let last = bytes.last, first > 0x20, last > 0x20, first != 0x3A,
                last != 0x3A
            else { return nil }
            var colon: Int?
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x80, byte != 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D else { return nil }
                if byte == 0x3A {
                    guard colon == nil else { return nil }
                    colon = index
                }
            }
            guard let colon else { return ("", written) }
            return (
                String(decoding: UnsafeBufferPointer(rebasing: bytes[..<colon]), as: UTF8.self),
                String(decoding: UnsafeBufferPointer(rebasing: bytes[(colon + 1)...]), as: UTF8.self)
            )
        }
        return parts ?? nil
    }
}
