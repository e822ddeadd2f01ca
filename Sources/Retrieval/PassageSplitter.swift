/// Cuts a chunk into the passages `SentenceReranker` embeds: its lines (a table row is one line),
/// and long lines into sentences (after `.`, `?` or `!` and a space before a capital, a digit or a
/// quote; `E2` opens a curly quote). Pieces under `wordsMin` words join the next piece of their line.
enum PassageSplitter {
    static let wordsMin = 5

    static func passages(_ text: String, limit: Int) -> [String] {
        var result: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            var pending = ""
            for sentence in sentences(line) {
                pending = pending.isEmpty ? sentence : pending + " " + sentence
                if pending.split(separator: " ").count >= wordsMin {
                    result.append(pending)
                    pending = ""
                }
            }
            if !pending.isEmpty {
                if pending.split(separator: " ").count >= 3 || result.isEmpty {
                    result.append(pending)
                } else if let last = result.popLast() {
                    result.append(last + " " + pending)
                }
            }
            if result.count >= limit { break }
        }
        return Array(result.prefix(limit))
    }

    /// The sentences of one line, cut on its UTF-8 bytes (ASCII punctuation and capitals; a
    /// sentence starting with another script's capital stays joined to the one before).
    static func sentences(_ line: Substring) -> [String] {
        let bytes = Array(line.utf8)
        var sentences: [String] = []
        var start = 0
        var index = 0
        while index + 2 < bytes.count {
            let byte = bytes[index]
            if byte == 0x2E || byte == 0x3F || byte == 0x21, bytes[index + 1] == 0x20 {
                let next = bytes[index + 2]
                if (next >= 0x41 && next <= 0x5A) || (next >= 0x30 && next <= 0x39) || next == 0xE2 {
                    sentences.append(String(decoding: bytes[start...index], as: UTF8.self).trimmingSpaces)
                    start = index + 2
                    index = start
                    continue
                }
            }
            index += 1
        }
        if start < bytes.count {
            sentences.append(String(decoding: bytes[start...], as: UTF8.self).trimmingSpaces)
        }
        return sentences.filter { !$0.isEmpty }
    }
}

extension String {
    var trimmingSpaces: String {
        var view = Substring(self)
        while view.first?.isWhitespace == true { view = view.dropFirst() }
        while view.last?.isWhitespace == true { view = view.dropLast() }
        return String(view)
    }
}
