/// A highlighted snippet of a hit's text: the window of at most `lengthMax` characters holding the
/// most query terms, HTML-escaped, each term occurrence wrapped in `<mark>…</mark>` (safe to insert
/// as HTML: nothing of the text is markup).
///
/// Terms are the query's words (runs of letters and digits) but common function words, compared
/// case-insensitively with whole words of the text, a plural `s`/`es` allowed; a text without any
/// is cut at its start.
enum Snippet {
    static let lengthMax = 320

    /// Words never highlighted.
    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "its",
        "of", "on", "or", "our", "that", "the", "their", "this", "to", "was", "we", "were", "what", "which",
        "with",
    ]

    static func highlight(_ text: String, query: String) -> String {
        let terms = Set(words(in: query).map { $0.text.lowercased() }.filter { !stopWords.contains($0) })
        let characters = Array(text)
        let tokens = words(in: text)
        let hits = tokens.filter { token in
            let word = token.text.lowercased()
            return terms.contains(word) || (word.hasSuffix("s") && terms.contains(String(word.dropLast())))
                || (word.hasSuffix("es") && terms.contains(String(word.dropLast(2))))
        }
        var start = 0
        if let densest = densestWindow(hits, length: lengthMax) {
            start = max(0, densest - 40)
            while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        }
        let end = min(characters.count, start + lengthMax)
        var html = start > 0 ? "…" : ""
        var position = start
        for hit in hits where hit.start >= start && hit.end <= end {
            html +=
                escape(characters[position..<hit.start]) + "<mark>" + escape(characters[hit.start..<hit.end])
                + "</mark>"
            position = hit.end
        }
        html += escape(characters[position..<end])
        if end < characters.count { html += "…" }
        return html
    }

    /// The offset of the hit that starts the window of `length` characters with the most hits.
    private static func densestWindow(_ hits: [(text: String, start: Int, end: Int)], length: Int) -> Int? {
        var best: (count: Int, start: Int)?
        var low = 0
        for high in hits.indices {
            while hits[high].end - hits[low].start > length { low += 1 }
            let count = high - low + 1
            if best == nil || count > best?.count ?? 0 { best = (count, hits[low].start) }
        }
        return best?.start
    }

    /// Runs of letters and digits, with their character offsets.
    static func words(in text: String) -> [(text: String, start: Int, end: Int)] {
        var result: [(text: String, start: Int, end: Int)] = []
        var current = ""
        var start = 0
        for (offset, character) in text.enumerated() {
            if character.isLetter || character.isNumber {
                if current.isEmpty { start = offset }
                current.append(character)
            } else if !current.isEmpty {
                result.append((current, start, offset))
                current = ""
            }
        }
        if !current.isEmpty { result.append((current, start, start + current.count)) }
        return result
    }

    private static func escape(_ characters: ArraySlice<Character>) -> String {
        var text = ""
        for character in characters {
            switch character {
            case "&": text += "&amp;"
            case "<": text += "&lt;"
            case ">": text += "&gt;"
            case "\"": text += "&quot;"
            case "'": text += "&#39;"
            default: text.append(character)
            }
        }
        return text
    }
}
