/// The dingbat fonts EDGAR cover pages draw check boxes with: the text is a plain letter (`x`,
/// `o`, `¨`, `þ`) that only the font turns into a box. Mapped to the Unicode ballot boxes so the
/// canonical text says what the reader saw.
enum SymbolFont: Sendable {
    case wingdings, wingdings2

    /// The font named by an element's `face` attribute or `font-family` style, if it is one of these.
    static func of(face: UnsafeBufferPointer<UInt8>?, style: UnsafeBufferPointer<UInt8>?) -> SymbolFont? {
        let named = (font(in: face), font(in: style))
        if named.0 == .wingdings2 || named.1 == .wingdings2 { return .wingdings2 }
        return named.0 ?? named.1
    }

    private static func font(in value: UnsafeBufferPointer<UInt8>?) -> SymbolFont? {
        guard let value, HTMLAttributes.containsFolded(value, "wingdings") else { return nil }
        return HTMLAttributes.containsFolded(value, "wingdings2") ? .wingdings2 : .wingdings
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
