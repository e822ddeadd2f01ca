/// Recognises an item whose body only points elsewhere — "Information in response to this Item 7
/// can be found in the 2024 Annual Report to Shareholders under “Financial Review.” That
/// information is incorporated into this item by reference." — as 10-Ks that file their annual
/// report as Exhibit 13 (and proxy-statement items 10–14) do.
enum IncorporationPointer {
    /// Longest body, in characters, still taken for a pointer; a longer body is the item itself
    /// that happens to incorporate something.
    static let bodyLengthMax = 1_500

    /// What may follow "incorporated" and whitespace: the rest of "incorporated [herein | in this
    /// item | into this item | in this report] by reference", word by word.
    private static let endings: [[StaticString]] = [
        ["by", "reference"],
        ["herein", "by", "reference"],
        ["in", "this", "item", "by", "reference"],
        ["into", "this", "item", "by", "reference"],
        ["in", "this", "report", "by", "reference"],
    ]

    /// The body's text (blocks joined by a space) when the body is short and says it is
    /// incorporated by reference; otherwise `nil`.
    static func pointer(in body: ArraySlice<TextBlock>) -> String? {
        var length = 0
        for block in body {
            // A block holds no newline, so an ASCII block has one character per byte; other blocks
            // are counted only as far as the limit.
            let text = block.text
            length += (isASCII(text) ? text.utf8.count : text.prefix(bodyLengthMax - length + 1).count) + 1
            if length > bodyLengthMax { return nil }
        }
        var text = body.map(\.text).joined(separator: " ")
        guard !text.isEmpty, text.withUTF8(Self.saysIncorporatedByReference) else { return nil }
        return text
    }

    private static func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

    /// Whether `text` holds the phrase, ASCII letters in any case, words separated by runs of
    /// Unicode white space.
    static func saysIncorporatedByReference(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while let found = find("incorporated", in: text, from: start) {
            let afterWord = found + 12
            let spaces = whitespaceRun(in: text, at: afterWord)
            if spaces > 0, endings.contains(where: { matches($0, in: text, at: afterWord + spaces) }) { return true }
            start = found + 1
        }
        return false
    }

    /// `words` at `position`, each but the last followed by white space.
    private static func matches(_ words: [StaticString], in text: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool
    {
        var position = position
        for (index, word) in words.enumerated() {
            guard wordAt(word, in: text, position) else { return false }
            position += word.utf8CodeUnitCount
            if index < words.count - 1 {
                let spaces = whitespaceRun(in: text, at: position)
                guard spaces > 0 else { return false }
                position += spaces
            }
        }
        return true
    }

    /// The first position from `start` where `word` (lower-case ASCII) is written in any case.
    private static func find(_ word: StaticString, in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let length = word.utf8CodeUnitCount
        guard length > 0, text.count >= length, start <= text.count - length else { return nil }
        let first = word.utf8Start.pointee
        for position in start...(text.count - length) where text[position] | 0x20 == first {
            if wordAt(word, in: text, position) { return position }
        }
        return nil
    }

    private static func wordAt(_ word: StaticString, in text: UnsafeBufferPointer<UInt8>, _ position: Int) -> Bool {
        let length = word.utf8CodeUnitCount
        guard position + length <= text.count else { return false }
        for offset in 0..<length {
            let byte = text[position + offset]
            // Only letters are folded: `| 0x20` maps no other byte onto a lower-case letter here.
            guard (0x41...0x5A).contains(byte) ? byte | 0x20 == word.utf8Start[offset] : byte == word.utf8Start[offset]
            else { return false }
        }
        return true
    }

    /// The length in bytes of the run of white space (Unicode `White_Space`) at `position`.
    private static func whitespaceRun(in text: UnsafeBufferPointer<UInt8>, at position: Int) -> Int {
        var end = position
        while end < text.count {
            let length = whitespaceLength(text, end)
            guard length > 0 else { break }
            end += length
        }
        return end - position
    }

    /// The length of the white-space scalar at `position` in bytes, 0 when there is none.
    private static func whitespaceLength(_ text: UnsafeBufferPointer<UInt8>, _ position: Int) -> Int {
        let (scalar, length) = WhitespaceCollapsingBuffer.decodeScalar(text, at: position)
        return WhitespaceCollapsingBuffer.isWhiteSpace(scalar) ? length : 0
    }
}
