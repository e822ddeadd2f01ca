import SECModel

extension HTMLFilingParser {
    /// Parses an inline-XBRL document and reads its facts in one pass of libxml2's XML parser: the
    /// same document and facts as `parse(_:form:source:)` and `InlineXBRLReader.read(_:source:)`,
    /// in about a third of the time. A document the XML parser cannot read as the HTML parser
    /// would (not well-formed, see `HTMLParserReplay`) gets its text from a second, HTML pass.
    ///
    /// - Parameters:
    ///   - bytes: the `.htm` document as stored.
    ///   - form: the form type; `nil` guesses it from the cover page.
    ///   - source: the file path or URL, named in errors.
    ///   - reader: the fact reader's settings (its size limit).
    /// - Throws: `ParseError`: first what `reader.read` throws, then what `parse` throws.
    public func parse(
        _ bytes: [UInt8],
        form: FormType?,
        source: String,
        readingFactsWith reader: InlineXBRLReader
    ) throws(ParseError) -> (document: ParsedDocument, facts: XBRLFactSet) {
        try reader.checkSize(bytes, source: source)
        let isUTF8 = (try? UTF8Span(validating: bytes.span)) != nil
        let decodesAsUTF8 = XMLDeclaration.decodesAsUTF8(bytes, isValidUTF8: isUTF8)
        let replays = readsInlineXBRLAsXML && decodesAsUTF8
        var pass = InlineDocumentPass(facts: IXFactCollector(), text: replays ? HTMLParserReplay() : nil)
        let outcome = try XHTMLSAXParser.parse(
            bytes,
            ignoresDeclaredEncoding: decodesAsUTF8,
            source: source,
            into: &pass
        )
        let facts = try InlineXBRLReader.factSet(from: pass, outcome: outcome, source: source)
        try validate(bytes, source: source)
        let blocks: [TextBlock]
        if let replay = pass.text, !replay.failed, outcome.wellFormed {
            blocks = Self.visibleBlocks(replay.extractor.blocks)
        } else {
            blocks = try extractBlocksWithHTMLParser(bytes, isUTF8: isUTF8, source: source)
        }
        return (try document(from: blocks, form: form, source: source), facts)
    }
}
