/// What the text extractor does with one element, decided by its lower-cased HTML name (`td`,
/// `ix:header`) once per distinct name.
struct HTMLElementKind: Sendable, Hashable {
    /// What an open element does to the text.
    enum Role: Sendable, Hashable {
        case row, cell, table, lineBreak, block, inline
    }

    let role: Role
    /// The subtree is never text a reader sees (`script`, `head`, `ix:header` …).
    let isSkipped: Bool
    /// The author marked its content as one paragraph (`p`, `h1`…`h6`, `li`, `dt`, `dd`): a blank
    /// line in its source text is formatting, not a paragraph break.
    let isParagraph: Bool

    /// The kind of the element named `lowercasedName`, as libxml2's HTML parser reports names.
    init(lowercasedName: String) {
        role = Self.roles[lowercasedName] ?? .inline
        isSkipped = Self.skipped.contains(lowercasedName)
        isParagraph = Self.paragraphs.contains(lowercasedName)
    }

    private static let roles: [String: Role] = {
        var roles: [String: Role] = ["tr": .row, "td": .cell, "th": .cell, "table": .table, "br": .lineBreak]
        for name in [
            "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "center", "pre", "hr",
            "section", "article", "body", "html", "dl", "dt", "dd", "form", "address", "caption",
        ] {
            roles[name] = .block
        }
        return roles
    }()
    private static let paragraphs: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd"]
    private static let skipped: Set<String> = ["script", "style", "head", "title", "ix:header", "noscript"]
}
