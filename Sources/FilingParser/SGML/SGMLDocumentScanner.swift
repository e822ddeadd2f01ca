import SECModel

/// Walks the lines after the header and cuts out each `<DOCUMENT>`: its metadata tags up to
/// `<TEXT>`, then the content up to `</TEXT>`.
struct SGMLDocumentScanner {
    let bytes: [UInt8]
    let lines: [Range<Int>]
    let readsXBRL: Bool
    let documentCountMax: Int
    private(set) var documents: [SubmissionDocument] = []
    private(set) var truncated = false

    init(bytes: [UInt8], lines: [Range<Int>], readsXBRL: Bool, documentCountMax: Int) {
        self.bytes = bytes
        self.lines = lines
        self.readsXBRL = readsXBRL
        self.documentCountMax = documentCountMax
    }

    mutating func scan(from first: Int, source: String) {
        var index = first
        while index < lines.count {
            guard SGMLLines.hasPrefix(bytes, lines[index], "<DOCUMENT>") else {
                index += 1
                continue
            }
            guard documents.count < documentCountMax else {
                truncated = true
                return
            }
            index = document(startingAfter: index, source: source)
        }
    }

    /// Reads one document whose `<DOCUMENT>` line is `start`; returns the index after its end.
    private mutating func document(startingAfter start: Int, source: String) -> Int {
        var tags: [String: String] = [:]
        var index = start + 1
        while index < lines.count, !SGMLLines.hasPrefix(bytes, lines[index], "<TEXT>") {
            if SGMLLines.hasPrefix(bytes, lines[index], "</DOCUMENT>") { break }
            let line = SGMLLines.text(bytes, lines[index])
            if line.hasPrefix("<"), let close = line.firstIndex(of: ">") {
                let name = line[line.index(after: line.startIndex)..<close].uppercased()
                tags[name] = String(line[line.index(after: close)...]).trimmingXMLWhitespace()
            }
            index += 1
        }
        var contentStart = index + 1
        var contentEnd = contentStart
        if index < lines.count, SGMLLines.hasPrefix(bytes, lines[index], "<TEXT>") {
            var end = index + 1
            while end < lines.count, !SGMLLines.hasPrefix(bytes, lines[end], "</TEXT>") { end += 1 }
            if end >= lines.count { truncated = true }
            contentEnd = end
            index = end
        } else {
            contentStart = index
            contentEnd = index
        }
        while index < lines.count, !SGMLLines.hasPrefix(bytes, lines[index], "</DOCUMENT>") {
            if SGMLLines.hasPrefix(bytes, lines[index], "<DOCUMENT>") { break }
            index += 1
        }
        if index >= lines.count { truncated = true }
        documents.append(make(tags: tags, content: contentStart..<contentEnd, source: source))
        return index < lines.count && SGMLLines.hasPrefix(bytes, lines[index], "</DOCUMENT>") ? index + 1 : index
    }

    private func make(tags: [String: String], content: Range<Int>, source: String) -> SubmissionDocument {
        let contentLines = content.lowerBound < content.upperBound ? Array(lines[content]) : []
        let firstLine = contentLines.firstIndex { !$0.isEmpty && !bytes[$0].allSatisfy { $0 == 0x20 || $0 == 0x09 } }
        var kind = SubmissionDocument.Kind.text
        var bodyLines = contentLines[...]
        if let firstLine {
            let line = contentLines[firstLine]
            if SGMLLines.hasPrefix(bytes, line, "<PDF>") {
                kind = .pdf
            } else if Self.isUUBegin(SGMLLines.text(bytes, line)) {
                kind = .uuencoded
            } else if SGMLLines.hasPrefix(bytes, line, "<XBRL>") {
                kind = .xbrl
                let closing =
                    contentLines.lastIndex { SGMLLines.hasPrefix(bytes, $0, "</XBRL>") } ?? contentLines.endIndex
                bodyLines = contentLines[(firstLine + 1)..<max(firstLine + 1, closing)]
            }
        }
        let byteRange: Range<Int> =
            if let first = bodyLines.first, let last = bodyLines.last { first.lowerBound..<last.upperBound } else {
                0..<0
            }
        let skipped = kind == .pdf || kind == .uuencoded
        let textBytes =
            contentLines.first.flatMap { first in contentLines.last.map { $0.upperBound - first.lowerBound } } ?? 0
        var document = SubmissionDocument(
            type: tags["TYPE"],
            sequence: tags["SEQUENCE"].flatMap { Int($0) },
            filename: tags["FILENAME"],
            description: tags["DESCRIPTION"],
            kind: kind,
            text: skipped ? "" : TextDecoding.decode(bytes[byteRange]),
            textBytes: textBytes
        )
        if kind == .xbrl, readsXBRL {
            let part = Array(bytes[byteRange])
            let name = "\(source)#\(tags["FILENAME"] ?? tags["SEQUENCE"] ?? "document")"
            do {
                if InlineXBRLReader.looksInline(part) {
                    document.facts = try InlineXBRLReader().read(part, source: name)
                } else if XBRLInstanceReader.looksLikeInstance(part) {
                    document.facts = try XBRLInstanceReader().read(part, source: name)
                }
            } catch {
                document.factsError = error
            }
        }
        return document
    }

    /// `begin 644 name.jpg` (uuencode's header line: `begin`, octal mode, file name).
    static func isUUBegin(_ line: String) -> Bool {
        let parts = line.split(separator: " ", maxSplits: 2)
        return parts.count == 3 && parts[0] == "begin" && parts[1].count == 3
            && parts[1].allSatisfy { ("0"..."7").contains($0) }
    }
}
