import CLibXML2

/// The dingbat fonts EDGAR cover pages draw check boxes with: the text is a plain letter (`x`,
/// `o`, `¨`, `þ`) that only the font turns into a box. Mapped to the Unicode ballot boxes so the
/// canonical text says what the reader saw.
enum SymbolFont: Sendable {
    case wingdings, wingdings2

    /// The font named by an element's `face` attribute or `font-family` style, if it is one of these.
    static func of(_ node: xmlNodePtr) -> SymbolFont? {
        var names = ""
        for attribute in ["face", "style"] {
            guard let raw = xmlGetProp(node, attribute) else { continue }
            names += String(cString: raw).lowercased()
            vectordb_xml_free(raw)
        }
        guard names.contains("wingdings") else { return nil }
        return names.contains("wingdings 2") || names.contains("wingdings2") ? .wingdings2 : .wingdings
    }

    /// `text` with this font's box glyphs replaced by ☐ (U+2610), ☑ (U+2611) and ☒ (U+2612);
    /// other characters unchanged.
    func map(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            result.unicodeScalars.append(glyph(scalar) ?? scalar)
        }
        return result
    }

    private func glyph(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
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
