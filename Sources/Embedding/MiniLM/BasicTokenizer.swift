import Foundation

/// BERT's basic tokenizer for uncased models: the text split into lower-cased, accent-stripped words
/// and single punctuation characters, exactly as Hugging Face's `BertTokenizer`
/// (`do_lower_case=True`, `tokenize_chinese_chars=True`) does before WordPiece.
///
/// Steps: drop NUL, U+FFFD and control characters and map whitespace to spaces; put spaces around
/// CJK ideographs; split at whitespace; lower-case each word, decompose it (NFD) and drop non-spacing
/// marks (category Mn); split every punctuation character (ASCII symbols and category P*) off as its
/// own word.
enum BasicTokenizer {
    /// The words of `text`, each an array of Unicode scalars.
    static func words(_ text: String) -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        func flush() {
            if !current.isEmpty { words.append(contentsOf: splitPunctuation(normalize(current))) }
            current.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0 || value == 0xFFFD || isControl(scalar) { continue }
            if isWhitespace(scalar) {
                flush()
            } else if isChineseCharacter(value) {
                flush()
                words.append([scalar])
            } else {
                current.append(scalar)
            }
        }
        flush()
        return words
    }

    /// Lower-cases and strips accents (NFD, then drop category Mn); ASCII words take a fast path.
    static func normalize(_ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
        if word.allSatisfy({ $0.isASCII }) {
            return word.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32) ?? $0 : $0 }
        }
        var string = String.UnicodeScalarView()
        string.append(contentsOf: word)
        let decomposed = String(string).lowercased().decomposedStringWithCanonicalMapping
        return decomposed.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }
    }

    static func splitPunctuation(_ word: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        guard word.contains(where: isPunctuation) else { return [word] }
        var pieces: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in word {
            if isPunctuation(scalar) {
                if !current.isEmpty { pieces.append(current) }
                current = []
                pieces.append([scalar])
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// Space, tab, newline, carriage return and category Zs.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\n", "\r": return true
        default: return scalar.properties.generalCategory == .spaceSeparator
        }
    }

    /// Categories C* except tab, newline and carriage return (which count as whitespace).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\t", "\n", "\r": return false
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .surrogate, .privateUse, .unassigned: return true
            default: return false
            }
        }
    }

    /// ASCII non-alphanumeric symbols (`!` … `~`) and categories P*.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if (33...47).contains(value) || (58...64).contains(value) || (91...96).contains(value)
            || (123...126).contains(value)
        {
            return true
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// The CJK Unified Ideographs blocks BERT splits character by character.
    static func isChineseCharacter(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x20000...0x2A6DF).contains(value)
            || (0x2A700...0x2B73F).contains(value) || (0x2B740...0x2B81F).contains(value)
            || (0x2B820...0x2CEAF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x2F800...0x2FA1F).contains(value)
    }
}
