import CLibXML2

/// Drives libxml2's XML parser in SAX2 mode (namespaces) over a document in memory, feeding an
/// `InlineDocumentPass`. No tree is built, and libxml2 pulls the input in small pieces.
///
/// The parse runs in recovery mode: a document that is not well-formed is read on past the damage,
/// as libxml2's tree reader does in recovery mode, and `Outcome.wellFormed` is false.
enum XHTMLSAXParser {
    struct Outcome {
        /// No well-formedness error: the same events as a strict parse.
        let wellFormed: Bool
        /// libxml2 started a document (what its tree reader would return, even without a root).
        let startedDocument: Bool
        /// The line of libxml2's last error, for the message when nothing could be read.
        let lastErrorLine: Int?
    }

    /// Parses `bytes`, reporting every event to `pass`.
    ///
    /// - Parameters:
    ///   - ignoresDeclaredEncoding: read the bytes as UTF-8 whatever the XML declaration says; only
    ///     for input where that is the same decoding (ASCII, or UTF-8 declared as such), as it spares
    ///     libxml2's converter.
    ///   - stopsAtFirstError: parse strictly, stopping at the first well-formedness error (for a
    ///     caller that needs only well-formed input).
    /// - Throws: `ParseError.tooLarge` over 2 GiB, `.malformed` when libxml2 cannot set up the parse.
    static func parse(
        _ bytes: [UInt8],
        ignoresDeclaredEncoding: Bool,
        stopsAtFirstError: Bool = false,
        source: String,
        into pass: inout InlineDocumentPass
    ) throws(ParseError) -> Outcome {
        LibXML2.initializeOnce()
        guard bytes.count < Int(Int32.max) else {
            throw ParseError(code: .tooLarge, source: source, message: "document is over 2 GiB")
        }
        guard let context = xmlNewParserCtxt() else {
            throw ParseError(code: .malformed, source: source, message: "libxml2 could not create a parser")
        }
        defer { xmlFreeParserCtxt(context) }
        context.pointee.sax.pointee = handler()
        var options = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        options |= XML_PARSE_HUGE.rawValue
        if !stopsAtFirstError { options |= XML_PARSE_RECOVER.rawValue }
        if ignoresDeclaredEncoding { options |= XML_PARSE_IGNORE_ENC.rawValue }
        _ = xmlCtxtUseOptions(context, Int32(options))
        // The default SAX2 callbacks kept for the DTD expect the context as user data; the pass is
        // found through `_private`, which libxml2 also hands to entity sub-parsers. A pointer to the
        // caller's pass, valid while the parse runs inside this closure: the callbacks reach it with
        // no reference counting and no exclusivity check per event.
        let started: Bool = withUnsafeMutablePointer(to: &pass) { passPointer in
            context.pointee._private = UnsafeMutableRawPointer(passPointer)
            defer { context.pointee._private = nil }
            return bytes.withUnsafeBufferPointer { buffer in
                let reader = SliceReader(buffer)
                guard reader.pushInput(onto: context) else { return false }
                _ = xmlParseDocument(context)
                passPointer.pointee.finish()
                return withExtendedLifetime(reader) { true }
            }
        }
        guard started else {
            throw ParseError(code: .malformed, source: source, message: "libxml2 could not read the document")
        }
        let document = context.pointee.myDoc
        if let document {
            xmlFreeDoc(document)
            context.pointee.myDoc = nil
        }
        return Outcome(
            wellFormed: context.pointee.wellFormed != 0,
            startedDocument: document != nil,
            lastErrorLine: xmlGetLastError().map { Int($0.pointee.line) }
        )
    }

    /// libxml2's default SAX2 callbacks (DTD, entities, document start and end), with elements,
    /// text, references, comments and processing instructions sent to the pass.
    private static func handler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        _ = xmlSAXVersion(&handler, 2)
        handler.startElementNs = { user, localName, prefix, uri, namespaceCount, namespaces, count, defaulted, values in
            guard let (pass, context) = callbackReceiver(user), let localName else { return }
            pass.pointee.startElement(
                localName: localName,
                prefix: prefix,
                uri: uri,
                namespaces: UnsafeBufferPointer(
                    start: namespaces,
                    count: namespaces == nil ? 0 : 2 * Int(namespaceCount)
                ),
                attributes: SAXAttributes(values, count: count, defaulted: defaulted),
                context: context
            )
        }
        handler.endElementNs = { user, _, _, _ in
            guard let (pass, context) = callbackReceiver(user) else { return }
            pass.pointee.endElement(context: context)
        }
        let characters: charactersSAXFunc = { user, text, length in
            guard let (pass, context) = callbackReceiver(user), let text, length > 0 else { return }
            pass.pointee.characters(UnsafeBufferPointer(start: text, count: Int(length)), context: context)
        }
        handler.characters = characters
        handler.ignorableWhitespace = characters
        handler.cdataBlock = { user, text, length in
            guard let (pass, context) = callbackReceiver(user), let text, length > 0 else { return }
            pass.pointee.cdata(UnsafeBufferPointer(start: text, count: Int(length)), context: context)
        }
        handler.reference = { user, _ in
            guard let (pass, _) = callbackReceiver(user) else { return }
            pass.pointee.reference()
        }
        handler.internalSubset = { user, name, externalID, systemID in
            xmlSAX2InternalSubset(user, name, externalID, systemID)
            guard let (pass, context) = callbackReceiver(user) else { return }
            // Declarations follow when the parser stands on `[`.
            if let current = context.pointee.input?.pointee.cur, current.pointee == UInt8(ascii: "[") {
                pass.pointee.internalSubsetDeclarations()
            }
        }
        handler.comment = { user, _ in
            guard let (pass, context) = callbackReceiver(user) else { return }
            pass.pointee.commentOrInstruction(data: nil, context: context)
        }
        handler.processingInstruction = { user, _, data in
            guard let (pass, context) = callbackReceiver(user) else { return }
            pass.pointee.commentOrInstruction(data: data, context: context)
        }
        handler.warning = nil
        handler.error = nil
        handler.fatalError = nil
        handler.serror = nil
        return handler
    }
}

/// The pass and parser context behind a SAX callback's user data (the context, as libxml2's default
/// SAX2 callbacks need; the pass hangs off its `_private`).
private func callbackReceiver(
    _ user: UnsafeMutableRawPointer?
) -> (UnsafeMutablePointer<InlineDocumentPass>, xmlParserCtxtPtr)? {
    guard let user else { return nil }
    let context = user.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let pass = context.pointee._private else { return nil }
    return (pass.assumingMemoryBound(to: InlineDocumentPass.self), context)
}
