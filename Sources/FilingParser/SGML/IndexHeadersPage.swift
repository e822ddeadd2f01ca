/// EDGAR's `{accession}-index-headers.html` page: the filing's SEC header and, for each document, its
/// `<DOCUMENT>` tags (`<TYPE>`, `<SEQUENCE>`, `<FILENAME>`, `<DESCRIPTION>`) without the content —
/// the full submission's structure, HTML-escaped inside a `<PRE>` element, with links to the
/// documents where their text would be (and no `</TEXT>`: `</DOCUMENT>` closes it).
public enum IndexHeadersPage {
    /// Reads the page as a full submission whose documents hold no text.
    ///
    /// A page without a `<PRE>` element (some tools save only the SGML header) is read as SGML.
    ///
    /// - Throws: `ParseError.notSubmission` when the page holds neither an accession number nor a
    ///   `<DOCUMENT>`; `ParseError.tooLarge` beyond `reader`'s limit.
    public static func read(
        _ bytes: [UInt8],
        source: String,
        reader: SGMLSubmissionReader = SGMLSubmissionReader(readsXBRL: false)
    ) throws(ParseError) -> FullSubmission {
        let page = TextDecoding.decode(bytes[...])
        // Some tools save only the header's SGML (the page's HTML comment): read that as it is.
        guard let open = page.firstRange(of: preOpenPattern),
            let close = page[open.upperBound...].firstRange(of: preClosePattern)
        else { return try reader.read(bytes, source: source) }
        let markup = page[open.upperBound..<close.lowerBound]
        let text = markup.replacing(tagPattern, with: "")
            .replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"")
            .replacing("&#39;", with: "'").replacing("&amp;", with: "&")
            // The page closes each document's <TEXT> (its links) with </DOCUMENT> alone.
            .replacing("\n</DOCUMENT>", with: "\n</TEXT>\n</DOCUMENT>")
        return try reader.read(Array(String(text).utf8), source: source)
    }

    // Built once: a literal in a function would be compiled at every call.
    nonisolated(unsafe) private static let preOpenPattern = /(?i)<pre[^>]*>/
    nonisolated(unsafe) private static let preClosePattern = /(?i)<\/pre>/
    nonisolated(unsafe) private static let tagPattern = /<[^>]*>/
}
