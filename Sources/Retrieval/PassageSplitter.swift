/// Cuts a chunk into the passages `SentenceReranker` embeds: its lines (a table row is one line),
/// and long lines into sentences (after `.`, `?` or `!` and a space before a capital, a digit or a
/// quote). Pieces under `wordsMin` words join the next piece of their line.
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

    static func sentences(_ line: Substring) -> [String] {
        var sentences: [String] = []
        var start = line.startIndex
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            let next = line.index(after: index)
            if character == "." || character == "?" || character == "!", next < line.endIndex, line[next] == " " {
                let after = line.index(after: next)
                if after < line.endIndex, line[after].isUppercase || line[after].isNumber || line[after] == "\u{201C}" {
                    sentences.append(String(line[start...index]).trimmingSpaces)
                    start = after
                    index = after
                    continue
                }
            }
            index = next
        }
        let rest = String(line[start...]).trimmingSpaces
        if !rest.isEmpty { sentences.append(rest) }
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
