import CLibXML2

/// Drives libxml2's tolerant HTML parser in SAX mode over a document in memory, feeding an
/// `HTMLTextExtractor`. No tree is built and libxml2 pulls the input in small pieces, so its own memory
/// stays small whatever the document size.
enum HTMLSAXParser {
    /// Parses `bytes`, decoded as `encoding` (an encoding name libxml2 knows, e.g. `UTF-8`,
    /// `windows-1252`), reporting every event to a new extractor, which is returned finished.
    ///
    /// - Throws: `ParseError.malformed` when libxml2 cannot set up the parse or finds no element.
    static func parse(_ bytes: [UInt8], encoding: String, source: String) throws(ParseError) -> HTMLTextExtractor {
        LibXML2.initializeOnce()
        guard bytes.count < Int(Int32.max) else {
            throw ParseError(code: .tooLarge, source: source, message: "document is over 2 GiB")
        }
        guard let context = htmlNewParserCtxt() else {
            throw ParseError(code: .malformed, source: source, message: "libxml2 could not create a parser")
        }
        defer { htmlFreeParserCtxt(context) }
        context.pointee.sax.pointee = Self.handler()
        // The caller has decided the encoding, so a `<meta charset>` in the document cannot switch it.
        let options =
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
        _ = htmlCtxtUseOptions(context, Int32(options))
        var extractor = HTMLTextExtractor()
        // The callbacks reach the extractor through a pointer valid while the parse runs inside this
        // closure: no reference counting and no exclusivity check per event.
        let started: Bool = withUnsafeMutablePointer(to: &extractor) { extractorPointer in
            context.pointee.userData = UnsafeMutableRawPointer(extractorPointer)
            defer { context.pointee.userData = nil }
            return bytes.withUnsafeBufferPointer { buffer in
                // libxml2 pulls the input through `read` in small pieces and drops what it has parsed,
                // so it never holds a second copy of the whole document.
                let reader = SliceReader(buffer)
                guard reader.pushInput(onto: context) else { return false }
                // An explicit converter, UTF-8 included: without one libxml2 falls back to Latin-1 at
                // the first sequence it dislikes (C1 controls such as U+0092).
                if let converter = xmlFindCharEncodingHandler(encoding) {
                    _ = xmlSwitchToEncoding(context, converter)
                }
                _ = htmlParseDocument(context)
                return withExtendedLifetime(reader) { true }
            }
        }
        guard started else {
            throw ParseError(code: .malformed, source: source, message: "libxml2 could not read the document")
        }
        guard extractor.sawElement else {
            throw ParseError(code: .malformed, source: source, message: "the document has no root element")
        }
        extractor.finish()
        return extractor
    }

    private static func handler() -> htmlSAXHandler {
        var handler = htmlSAXHandler()
        handler.startElement = { user, name, attributes in
            guard let user, let name else { return }
            extractor(user).pointee.startElement(named: name, attributes: HTMLAttributes(pairs: attributes))
        }
        handler.endElement = { user, _ in
            guard let user else { return }
            extractor(user).pointee.endElement()
        }
        let characters: charactersSAXFunc = { user, text, length in
            guard let user, let text, length > 0 else { return }
            extractor(user).pointee.characters(UnsafeBufferPointer(start: text, count: Int(length)))
        }
        handler.characters = characters
        handler.cdataBlock = characters
        return handler
    }
}

/// The extractor behind a SAX callback's user data.
private func extractor(_ user: UnsafeMutableRawPointer) -> UnsafeMutablePointer<HTMLTextExtractor> {
    user.assumingMemoryBound(to: HTMLTextExtractor.self)
}
