import SECModel

/// A full EDGAR submission (`<accession>.txt` or `.nc`): the SEC header and every document.
public struct FullSubmission: Sendable, Hashable {
    public var header: SubmissionHeader
    public var documents: [SubmissionDocument]
    /// `true` for pre-2001 filings wrapped in a `-----BEGIN PRIVACY-ENHANCED MESSAGE-----` envelope
    /// (its signature lines are dropped, not verified).
    public var isPrivacyEnhanced: Bool
    /// `true` when the input ended inside a document (no `</TEXT>` or `</DOCUMENT>`): the last
    /// document holds what was there.
    public var isTruncated: Bool

    public init(header: SubmissionHeader, documents: [SubmissionDocument], isPrivacyEnhanced: Bool, isTruncated: Bool) {
        self.header = header
        self.documents = documents
        self.isPrivacyEnhanced = isPrivacyEnhanced
        self.isTruncated = isTruncated
    }

    /// The facts of every XBRL part, in document order.
    public var facts: [XBRLFact] { documents.flatMap { $0.facts?.facts ?? [] } }
}
