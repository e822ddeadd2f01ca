/// Recognises an item whose body only points elsewhere — "Information in response to this Item 7
/// can be found in the 2024 Annual Report to Shareholders under “Financial Review.” That
/// information is incorporated into this item by reference." — as 10-Ks that file their annual
/// report as Exhibit 13 (and proxy-statement items 10–14) do.
enum IncorporationPointer {
    /// Longest body, in characters, still taken for a pointer; a longer body is the item itself
    /// that happens to incorporate something.
    static let bodyLengthMax = 1_500

    nonisolated(unsafe) private static let phrase =
        /(?i)incorporated\s+(?:herein\s+|in\s+this\s+item\s+|into\s+this\s+item\s+|in\s+this\s+report\s+)?by\s+reference|incorporated\s+by\s+reference/

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
        let text = body.map(\.text).joined(separator: " ")
        guard !text.isEmpty else { return nil }
        // Every alternative of the phrase holds "incorporated"; in ASCII text only ASCII letters can
        // match it, so a byte search rules most bodies out before the regex runs.
        if isASCII(text) && !containsIncorporated(text) { return nil }
        guard text.contains(phrase) else { return nil }
        return text
    }

    private static func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

    private static func containsIncorporated(_ text: String) -> Bool {
        let word = Array("incorporated".utf8)
        let bytes = Array(text.utf8)
        guard bytes.count >= word.count else { return false }
        for start in 0...(bytes.count - word.count) where bytes[start] | 0x20 == word[0] {
            if word.indices.allSatisfy({ bytes[start + $0] | 0x20 == word[$0] }) { return true }
        }
        return false
    }
}
