/// The dingbat fonts EDGAR cover pages draw check boxes with: the text is a plain letter (`x`,
/// `o`, `¨`, `þ`) that only the font turns into a box. Mapped to the Unicode ballot boxes so the
/// canonical text says what the reader saw.
enum SymbolFont: Sendable {
    case wingdings, wingdings2

    /// The font named by an element's `face` attribute or `font-family` style, if it is one of these.
    static func of(_ attributes: some HTMLAttributeLookup) -> SymbolFont? {
        var found: SymbolFont?
        for name: StaticString in ["face", "style"] {
            guard let value = attributes.value(name), HTMLAttributes.containsFolded(value, "wingdings") else {
                continue
            }
            if HTMLAttributes.containsFolded(value, "wingdings2") { return .wingdings2 }
            found = .wingdings
        }
        return found
    }

    /// The ballot box ☐ (U+2610), ☑ (U+2611) or ☒ (U+2612) this font draws for `scalar`, or `nil`.
    func glyph(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch self {
        case .wingdings:
            switch scalar {
            case "o", "q", "\u{A8}", "p": "\u{2610}"
            case "\u{FE}", "\u{FC}": "\u{2611}"
            case "x", "\u{FD}", "\u{FB}": "\u{2612}"
            default: nil
            }
        case .wingdings2:
            switch scalar {
            case "\u{A3}", "*": "\u{2610}"
            case "R", "P": "\u{2611}"
            case "T", "Q", "S", "O": "\u{2612}"
            default: nil
            }
        }
    }
}
