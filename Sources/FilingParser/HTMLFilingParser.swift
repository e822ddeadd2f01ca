import SECModel

/// Turns an HTML or inline-XBRL filing document into canonical text and item sections, with libxml2's
/// tolerant HTML parser; a well-formed inline-XBRL (XHTML) document is read with libxml2's XML
/// parser instead, several times faster, with the HTML parser's events replayed (`HTMLParserReplay`)
/// so the text is the same.
///
/// Canonical text layout: paragraphs are separated by a blank line (`\n\n`), rows of one table by a
/// single `\n`; whitespace runs are one space. Page furniture (bare page numbers, "Table of Contents"
/// back-links) is dropped.
public struct HTMLFilingParser: Sendable {
    /// Inputs larger than this are refused, in bytes.
    public var maxInputBytes: Int

    /// Whether inline-XBRL documents are read with the XML parser when they are well-formed; `false`
    /// reads every document with the HTML parser, the oracle the replay is tested against.
    var readsInlineXBRLAsXML = true

    public init(maxInputBytes: Int = 256 * 1024 * 1024) {
        self.maxInputBytes = maxInputBytes
    }

    /// Parses one document.
    ///
    /// - Parameters:
    ///   - bytes: the document as stored (UTF-8, or windows-1252 when not valid UTF-8).
    ///   - form: the form type, which decides how item keys are formed; `nil` guesses it from the
    ///     cover page.
    ///   - source: the file path or URL, named in errors.
    /// - Throws: `ParseError` when the input is empty, binary, not HTML, too large or unparseable.
    ///
    /// Memory: the input is released once its text blocks are read, before the canonical text is
    /// assembled; hand the bytes over with `consume` so the caller's copy does not keep them alive.
    public func parse(
        _ bytes: consuming [UInt8],
        form: FormType?,
        source: String
    ) throws(ParseError) -> ParsedDocument {
        try validate(bytes, source: source)
        let (isUTF8, decodesAsUTF8) = XMLDeclaration.readability(of: bytes)
        if readsInlineXBRLAsXML, InlineXBRLReader.looksInline(bytes), decodesAsUTF8,
            let blocks = extractBlocksWithXMLParser(bytes, source: source)
        {
            bytes = []
            return try document(from: blocks, form: form, source: source)
        }
        let blocks = try extractBlocksWithHTMLParser(bytes, isUTF8: isUTF8, source: source)
        bytes = []
        return try document(from: blocks, form: form, source: source)
    }

    /// The document built from `blocks`.
    ///
    /// - Throws: `ParseError.empty` when there are none.
    func document(from blocks: [TextBlock], form: FormType?, source: String) throws(ParseError) -> ParsedDocument {
        guard !blocks.isEmpty else {
            throw ParseError(code: .empty, source: source, message: "the document holds no visible text")
        }
        return assemble(blocks, form: form ?? Self.guessForm(blocks))
    }

    func validate(_ bytes: [UInt8], source: String) throws(ParseError) {
        guard bytes.count <= maxInputBytes else {
            throw ParseError(
                code: .tooLarge,
                source: source,
                message: "document is \(bytes.count) bytes, the limit is \(maxInputBytes)"
            )
        }
        guard bytes.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) else {
            throw ParseError(code: .empty, source: source, message: "the file is empty")
        }
        let head = bytes.prefix(65_536)
        if head.contains(0) {
            throw ParseError(code: .notHTML, source: source, message: "binary data (NUL bytes), not an HTML document")
        }
        let lowered = String(decoding: head, as: UTF8.self).lowercased()
        let markers = ["<html", "<body", "<div", "<p>", "<p ", "<table", "<font", "<span", "<?xml"]
        guard markers.contains(where: { lowered.contains($0) }) else {
            throw ParseError(code: .notHTML, source: source, message: "no HTML markup found; expected an HTML document")
        }
    }

    /// The text blocks from libxml2's HTML parser (`isUTF8`: the bytes are valid UTF-8, else they are
    /// read as windows-1252).
    func extractBlocksWithHTMLParser(_ bytes: [UInt8], isUTF8: Bool, source: String) throws(ParseError) -> [TextBlock] {
        let extractor = try HTMLSAXParser.parse(bytes, encoding: isUTF8 ? "UTF-8" : "windows-1252", source: source)
        return Self.visibleBlocks(extractor.blocks)
    }

    /// The text blocks from libxml2's XML parser, with the HTML parser's events replayed; `nil` when
    /// the document is not well-formed or holds what the replay does not model. The parse is strict
    /// (it stops at the first error), as only a well-formed document's result is used.
    func extractBlocksWithXMLParser(_ bytes: [UInt8], source: String) -> [TextBlock]? {
        var pass = InlineDocumentPass(facts: nil, text: HTMLParserReplay())
        let outcome = try? XHTMLSAXParser.parse(
            bytes,
            ignoresDeclaredEncoding: true,
            stopsAtFirstError: true,
            source: source,
            into: &pass
        )
        guard let outcome, outcome.wellFormed, pass.sawElement, let replay = pass.text, !replay.failed else {
            return nil
        }
        return Self.visibleBlocks(replay.extractor.blocks)
    }

    /// `blocks` without page furniture.
    static func visibleBlocks(_ blocks: [TextBlock]) -> [TextBlock] {
        blocks.filter { !isPageFurniture($0.text) }
    }

    /// Bare page numbers (`12`, `F-3`, `ii`, `-3-` of documents converted from plain text) and "Table
    /// of Contents" back-links.
    static func isPageFurniture(_ text: String) -> Bool {
        guard text.utf8.count <= 24 else { return false }
        if let ascii = asciiPageFurniture(text) { return ascii }
        let lowered = text.lowercased()
        if lowered == "table of contents" || lowered == "index" || lowered == "back to contents" { return true }
        if text.count <= 6, text.wholeMatch(of: pageNumberPattern) != nil { return true }
        return false
    }

    /// A bare page number: `12`, `F-3`, `ii`, `-3-`. Built once: a literal in the function would be
    /// compiled at every call.
    nonisolated(unsafe) private static let pageNumberPattern = /(?i)(?:[a-z]-)?\d{1,4}|-\d{1,4}-|[ivxl]{1,6}/

    /// `isPageFurniture` on bytes for ASCII text (a block holds no newline, so a byte is a
    /// character); `nil` for other text, which needs Unicode case folding and digits. Most blocks
    /// are short table cells, so this runs for a large share of them.
    private static func asciiPageFurniture(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            let lower = { (byte: UInt8) -> UInt8 in (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
            for phrase: StaticString in ["table of contents", "index", "back to contents"]
            where phrase.utf8CodeUnitCount == bytes.count {
                let expected = UnsafeBufferPointer(start: phrase.utf8Start, count: phrase.utf8CodeUnitCount)
                if bytes.lazy.map(lower).elementsEqual(expected) { return true }
            }
            guard bytes.count <= 6, !bytes.isEmpty else { return false }
            let isLetter = { (byte: UInt8) in (0x61...0x7A).contains(lower(byte)) }
            let isDigit = { (byte: UInt8) in (0x30...0x39).contains(byte) }
            // `(?:[a-z]-)?\d{1,4}`
            let digits =
                bytes.count >= 2 && isLetter(bytes[0]) && bytes[1] == UInt8(ascii: "-") ? bytes[2...] : bytes[...]
            if (1...4).contains(digits.count) && digits.allSatisfy(isDigit) { return true }
            // `-\d{1,4}-`
            let dashed =
                bytes.count >= 3 && bytes[0] == UInt8(ascii: "-") && bytes[bytes.count - 1] == UInt8(ascii: "-")
            if dashed && bytes[1..<bytes.count - 1].allSatisfy(isDigit) { return true }
            // `[ivxl]{1,6}`
            return bytes.allSatisfy { "ivxl".utf8.contains(lower($0)) }
        }
    }

    private func assemble(_ blocks: [TextBlock], form: FormType?) -> ParsedDocument {
        var text = ""
        // Reserved exactly: growing by doubling would hold two copies of a 100 MB text at once.
        text.reserveCapacity(blocks.reduce(0) { $0 + $1.text.utf8.count + 2 })
        var starts: [Int] = []
        starts.reserveCapacity(blocks.count + 1)
        var scalarCount = 0
        var blockScalarCounts: [Int] = []
        blockScalarCounts.reserveCapacity(blocks.count)
        for (index, block) in blocks.enumerated() {
            if index > 0 {
                let sameTable = block.tableIndex != nil && block.tableIndex == blocks[index - 1].tableIndex
                text += sameTable ? "\n" : "\n\n"
                scalarCount += sameTable ? 1 : 2
            }
            starts.append(scalarCount)
            text += block.text
            blockScalarCounts.append(UTF8ScalarCount.of(block.text))
            scalarCount += blockScalarCounts[index]
        }
        let detected = SectionDetector(form: form).detect(blocks)
        let sections = detected.map { found in
            let endScalar = found.end < blocks.count ? starts[found.end] : scalarCount
            let trimmedEnd = min(endScalar, starts[found.end - 1] + blockScalarCounts[found.end - 1])
            let bodyStart = found.first + (found.titleInNextBlock ? 2 : 1)
            let pointer =
                found.key == Section.coverKey
                ? nil : IncorporationPointer.pointer(in: blocks[min(bodyStart, found.end)..<found.end])
            return Section(
                key: found.key,
                title: found.title,
                charStart: starts[found.first],
                charEnd: trimmedEnd,
                pointer: pointer,
                combinedKeys: found.alsoCovers.isEmpty ? nil : [found.key] + found.alsoCovers
            )
        }
        return ParsedDocument(canonicalText: text, sections: sections, form: form)
    }

    nonisolated(unsafe) private static let formPattern = /(?i)\bform\s+(10-k|10-q|8-k|20-f|6-k|40-f)\b/

    /// Guesses the form from a `FORM 10-K`-style line near the top of the document.
    static func guessForm(_ blocks: [TextBlock]) -> FormType? {
        for block in blocks.prefix(80) {
            if let match = block.text.firstMatch(of: formPattern) {
                return FormType(String(match.1).uppercased())
            }
        }
        return nil
    }
}
