import CLibXML2
import SECModel

/// A namespace-aware XML document parsed by libxml2's XML reader (not the HTML parser), owned by
/// this object and freed with it.
///
/// An XBRL instance that is not well-formed is re-read in libxml2's recovery mode and `recovered` is
/// set, so callers can flag the result as partial.
final class XMLTree {
    let document: xmlDocPtr
    /// `true` when the strict parse failed and libxml2's recovery mode produced the tree.
    let recovered: Bool

    /// Parses `bytes` (any encoding the XML declaration names; UTF-8 by default).
    ///
    /// - Throws: `ParseError` `.malformed` when not even recovery mode yields a root element.
    init(bytes: [UInt8], source: String) throws(ParseError) {
        LibXML2.initializeOnce()
        let quiet = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        let strict = Int32(quiet | XML_PARSE_HUGE.rawValue | XML_PARSE_NOCDATA.rawValue)
        var recovered = false
        var parsed = Self.read(bytes, source: source, options: strict)
        if parsed == nil {
            parsed = Self.read(bytes, source: source, options: strict | Int32(XML_PARSE_RECOVER.rawValue))
            recovered = true
        }
        guard let parsed else {
            let line = xmlGetLastError().map { Int($0.pointee.line) }
            throw ParseError(
                code: .malformed,
                source: source,
                message: "libxml2 could not parse the document as XML",
                line: line
            )
        }
        // Checked before the properties are set: a class initializer that throws after that runs
        // `deinit`, which would free the document a second time.
        guard xmlDocGetRootElement(parsed) != nil else {
            xmlFreeDoc(parsed)
            throw ParseError(code: .malformed, source: source, message: "the XML document has no root element")
        }
        document = parsed
        self.recovered = recovered
    }

    deinit { xmlFreeDoc(document) }

    private static func read(_ bytes: [UInt8], source: String, options: Int32) -> xmlDocPtr? {
        guard bytes.count < Int(Int32.max) else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlReadMemory(chars.baseAddress, Int32(chars.count), source, nil, options)
            }
        }
    }

    /// The document element.
    var root: XMLElement? { xmlDocGetRootElement(document).map(XMLElement.init) }
}
