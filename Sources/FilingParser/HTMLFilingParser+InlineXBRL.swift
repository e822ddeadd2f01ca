import SECModel

extension HTMLFilingParser {
    /// Parses an inline-XBRL document and reads its facts in one pass of libxml2's XML parser: the
    /// same document and facts as `parse(_:form:source:)` and `InlineXBRLReader.read(_:source:)`,
    /// in about a third of the time. A document the XML parser cannot read as the HTML parser
    /// would (not well-formed, see `HTMLParserReplay`) gets its text from a second, HTML pass.
    ///
    /// Memory: the input is released as soon as the pass no longer needs it (when no HTML pass
    /// follows), and what the pass gathered for the facts as soon as they are built; hand the
    /// bytes over with `consume` so the caller's copy does not keep them alive.
    ///
    /// - Parameters:
    ///   - bytes: the `.htm` document as stored.
    ///   - form: the form type; `nil` guesses it from the cover page.
    ///   - source: the file path or URL, named in errors.
    ///   - reader: the fact reader's settings (its size limit).
    /// - Throws: `ParseError`: first what `reader.read` throws, then what `parse` throws.
    public func parse(
        _ bytes: consuming [UInt8],
        form: FormType?,
        source: String,
        readingFactsWith reader: InlineXBRLReader
    ) throws(ParseError) -> (document: ParsedDocument, facts: XBRLFactSet) {
        try reader.checkSize(bytes, source: source)
        let (isUTF8, decodesAsUTF8) = XMLDeclaration.readability(of: bytes)
        let replays = readsInlineXBRLAsXML && decodesAsUTF8
        var pass = InlineDocumentPass(facts: IXFactCollector(), text: replays ? HTMLParserReplay() : nil)
        let outcome = try XHTMLSAXParser.parse(
            bytes,
            ignoresDeclaredEncoding: decodesAsUTF8,
            source: source,
            into: &pass
        )
        // Checked now, thrown after the fact reader's errors: the input may be gone by then.
        var invalid: ParseError?
        do { try validate(bytes, source: source) } catch { invalid = error }
        let replayed = pass.text.map { !$0.failed && outcome.wellFormed } ?? false
        if replayed { bytes = [] }
        let facts = try InlineXBRLReader.factSet(from: pass, outcome: outcome, source: source)
        pass.facts = nil
        if let invalid { throw invalid }
        let blocks: [TextBlock]
        if replayed, let replay = pass.text {
            blocks = Self.visibleBlocks(replay.extractor.blocks)
        } else {
            blocks = try extractBlocksWithHTMLParser(bytes, isUTF8: isUTF8, source: source)
        }
        pass.text = nil
        return (try document(from: blocks, form: form, source: source), facts)
    }
}
