import SECModel

/// Reads the facts of an Inline XBRL 1.1 (or 1.0) document: `ix:nonFraction` and `ix:nonNumeric`,
/// hidden facts in `ix:header`, contexts and units from `ix:resources`, footnotes through
/// `ix:relationship`. The document is read as XML with namespaces, as the specification requires, in
/// one SAX pass of libxml2's XML parser (no tree); the HTML text is left to `HTMLFilingParser`, which
/// can read both in the same pass (`parse(_:form:source:readingFactsWith:)`).
public struct InlineXBRLReader: Sendable {
    /// Inputs larger than this are refused, in bytes.
    public var maxInputBytes: Int

    public init(maxInputBytes: Int = 256 * 1024 * 1024) {
        self.maxInputBytes = maxInputBytes
    }

    /// `true` when the first 64 KiB declare the inline-XBRL namespace: the cheap test the CLI uses.
    public static func looksInline(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(65_536)
        return [XBRLNamespace.inline11, XBRLNamespace.inline10].contains { contains(head, Array($0.utf8)) }
    }

    /// Plain byte search (the generic `firstRange(of:)` costs more than the parse of a small file).
    private static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var start = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while start <= last {
            if haystack[start] == first, haystack[start..<start + needle.count].elementsEqual(needle) { return true }
            start += 1
        }
        return false
    }

    /// Reads every fact of the default target document.
    ///
    /// - Parameters:
    ///   - bytes: the `.htm` document as stored.
    ///   - source: the file path or URL, named in errors.
    /// - Throws: `ParseError` `.tooLarge`, `.malformed` (not XML even in recovery mode) or
    ///   `.notXBRL` (no inline-XBRL namespace in the document).
    public func read(_ bytes: [UInt8], source: String) throws(ParseError) -> XBRLFactSet {
        try checkSize(bytes, source: source)
        var pass = InlineDocumentPass(facts: IXFactCollector(), text: nil)
        let outcome = try XHTMLSAXParser.parse(
            bytes,
            ignoresDeclaredEncoding: XMLDeclaration.readability(of: bytes).decodesAsUTF8,
            source: source,
            into: &pass
        )
        return try Self.factSet(from: pass, outcome: outcome, source: source)
    }

    /// Refuses input over `maxInputBytes`.
    func checkSize(_ bytes: [UInt8], source: String) throws(ParseError) {
        guard bytes.count <= maxInputBytes else {
            throw ParseError(
                code: .tooLarge,
                source: source,
                message: "document is \(bytes.count) bytes, the limit is \(maxInputBytes)"
            )
        }
    }

    /// The facts a finished pass collected.
    ///
    /// - Throws: `.malformed` when libxml2 read no document or no root element, `.notXBRL` when no
    ///   element is in an inline-XBRL namespace.
    static func factSet(
        from pass: InlineDocumentPass,
        outcome: XHTMLSAXParser.Outcome,
        source: String
    ) throws(ParseError) -> XBRLFactSet {
        guard outcome.startedDocument else {
            throw ParseError(
                code: .malformed,
                source: source,
                message: "libxml2 could not parse the document as XML",
                line: outcome.lastErrorLine
            )
        }
        guard pass.sawElement, let collector = pass.facts else {
            throw ParseError(code: .malformed, source: source, message: "the XML document has no root element")
        }
        guard collector.inventory.sawInlineNamespace else {
            throw ParseError(code: .notXBRL, source: source, message: "no inline-XBRL (ix:) elements in the document")
        }
        var builder = IXFactBuilder(inventory: collector.inventory)
        let facts = builder.build()
        // Not well-formed: libxml2's recovery mode read past the damage, and facts may be missing.
        return XBRLFactSet(facts: facts, warnings: builder.warnings, isPartial: !outcome.wellFormed)
    }
}
