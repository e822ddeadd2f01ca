/// What the inline-XBRL reader needs to know about one element name (namespace URI, prefix and
/// local name), worked out once per distinct name during a SAX pass; shared by reference, as every
/// event passes it on.
final class IXElementInfo {
    /// What the element is to the fact reader.
    enum Role: Equatable {
        /// `ix:nonFraction` (`numeric`) or `ix:nonNumeric`.
        case fact(numeric: Bool)
        /// `ix:fraction`, `ix:tuple`: reported as not supported.
        case unsupported
        case continuation, footnote, relationship, exclude
        /// `xbrli:context`, `xbrli:unit`.
        case context, unit
        /// Anything else.
        case other
    }

    let role: Role
    /// The name's number in its pass (0, 1, 2 … in order of first use).
    let number: Int
    let localName: String
    let namespaceURI: String
    /// `prefix:local` as written (just `local` without a prefix): how escaped text blocks write it.
    let qualifiedName: [UInt8]
    /// In the Inline XBRL 1.0 or 1.1 namespace.
    let isInline: Bool
    /// An HTML element written `<br/>` when empty in an escaped text block.
    let isSelfClosing: Bool
    /// The name as `HTMLParserReplay` numbers it, `nil` when the HTML parser would not read it.
    let htmlNameID: Int?

    var isExclude: Bool { role == .exclude }

    init(number: Int, localName: String, prefix: String?, namespaceURI: String, htmlNameID: Int?) {
        self.number = number
        self.localName = localName
        self.namespaceURI = namespaceURI
        self.htmlNameID = htmlNameID
        qualifiedName = Array(((prefix.map { $0 + ":" }) ?? "").utf8) + Array(localName.utf8)
        let isInline = namespaceURI == XBRLNamespace.inline11 || namespaceURI == XBRLNamespace.inline10
        self.isInline = isInline
        isSelfClosing = Self.selfClosing.contains(localName)
        role =
            if isInline {
                switch localName {
                case "nonFraction": .fact(numeric: true)
                case "nonNumeric": .fact(numeric: false)
                case "fraction", "tuple": .unsupported
                case "continuation": .continuation
                case "footnote": .footnote
                case "relationship": .relationship
                case "exclude": .exclude
                default: .other
                }
            } else if namespaceURI == XBRLNamespace.instance && localName == "context" {
                .context
            } else if namespaceURI == XBRLNamespace.instance && localName == "unit" {
                .unit
            } else {
                .other
            }
    }

    private static let selfClosing: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]
}
