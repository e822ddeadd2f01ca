import SECModel

/// Reads full EDGAR submissions: `<accession>.txt` (`<SEC-DOCUMENT>` with a `<SEC-HEADER>`, since
/// 1993; wrapped in a privacy-enhanced-message envelope before 2001), `.nc` (tagged `<SUBMISSION>`)
/// and bare `.hdr.sgml`/`.hdr.txt` headers. Line breaks may be LF, CRLF or CR alone.
public struct SGMLSubmissionReader: Sendable {
    /// Inputs larger than this are refused, in bytes.
    public var maxInputBytes: Int
    /// Documents beyond this count are dropped (and the submission flagged truncated).
    public var documentCountMax: Int
    /// Whether `<XBRL>` parts are handed to the XBRL readers.
    public var readsXBRL: Bool

    public init(maxInputBytes: Int = 512 * 1024 * 1024, documentCountMax: Int = 10_000, readsXBRL: Bool = true) {
        self.maxInputBytes = maxInputBytes
        self.documentCountMax = documentCountMax
        self.readsXBRL = readsXBRL
    }

    /// `true` when the first bytes look like a submission or a header.
    public static func looksLikeSubmission(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        return ["<SEC-DOCUMENT>", "<SEC-HEADER>", "<SUBMISSION>", "PRIVACY-ENHANCED MESSAGE", "ACCESSION NUMBER:"]
            .contains {
                head.contains($0)
            }
    }

    /// Reads the header and every document.
    ///
    /// - Throws: `ParseError` `.tooLarge`, `.empty`, or `.notSubmission` when neither an accession
    ///   number nor a `<DOCUMENT>` is found.
    public func read(_ input: [UInt8], source: String) throws(ParseError) -> FullSubmission {
        guard input.count <= maxInputBytes else {
            throw ParseError(
                code: .tooLarge,
                source: source,
                message: "submission is \(input.count) bytes, the limit is \(maxInputBytes)"
            )
        }
        let bytes = SGMLLines.normalisingLineBreaks(input)
        let lines = SGMLLines.split(bytes)
        guard !lines.isEmpty else { throw ParseError(code: .empty, source: source, message: "the file is empty") }
        var start = lines.firstIndex { !$0.isEmpty } ?? 0
        var isPrivacyEnhanced = false
        if SGMLLines.hasPrefix(bytes, lines[start], "-----BEGIN PRIVACY-ENHANCED MESSAGE-----") {
            // The envelope's own header lines (Proc-Type, MIC-Info …) end at the first blank line.
            isPrivacyEnhanced = true
            start += 1
            while start < lines.count, !lines[start].isEmpty { start += 1 }
        }
        var headerLines: [Substring] = []
        var index = start
        while index < lines.count {
            let text = SGMLLines.text(bytes, lines[index])
            if text.hasPrefix("<DOCUMENT>") { break }
            headerLines.append(Substring(text))
            index += 1
            if text.hasPrefix("</SEC-HEADER>") { break }
        }
        let header = SECHeaderParser.parse(headerLines)
        var scanner = SGMLDocumentScanner(
            bytes: bytes,
            lines: lines,
            readsXBRL: readsXBRL,
            documentCountMax: documentCountMax
        )
        scanner.scan(from: index, source: source)
        guard header.accessionNumber != nil || !scanner.documents.isEmpty else {
            throw ParseError(
                code: .notSubmission,
                source: source,
                message: "no SEC header (ACCESSION NUMBER) and no <DOCUMENT> found"
            )
        }
        return FullSubmission(
            header: header,
            documents: scanner.documents,
            isPrivacyEnhanced: isPrivacyEnhanced,
            isTruncated: scanner.truncated
        )
    }
}
