/// One `<DOCUMENT>` of a full submission.
public struct SubmissionDocument: Sendable, Hashable {
    /// What the `<TEXT>` part holds.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// HTML, plain text or XML given as is.
        case text
        /// An `<XBRL>` part (instance, inline document, schema or linkbase); `text` is the XML inside.
        case xbrl
        /// A `<PDF>` part: skipped, `text` is empty.
        case pdf
        /// A uuencoded binary (`begin 644 name.jpg`): skipped, `text` is empty.
        case uuencoded
    }

    /// `<TYPE>`: `10-K`, `EX-99.1`, `GRAPHIC`, `EX-101.INS` …
    public var type: String?
    /// `<SEQUENCE>`, 1-based.
    public var sequence: Int?
    /// `<FILENAME>`, absent in filings before about 2001.
    public var filename: String?
    /// `<DESCRIPTION>`.
    public var description: String?
    public var kind: Kind
    /// The `<TEXT>` content decoded (UTF-8, else windows-1252), line breaks as `\n`; wrapper tags
    /// (`<XBRL>`) removed; empty for skipped binary parts.
    public var text: String
    /// Size of the `<TEXT>` content in the (line-break-normalised) input, in bytes.
    public var textBytes: Int
    /// For `.xbrl` parts that are an instance or an inline document: their facts.
    public var facts: XBRLFactSet?
    /// Why the facts of an `.xbrl` part could not be read, when they could not.
    public var factsError: ParseError?

    public init(
        type: String?,
        sequence: Int?,
        filename: String?,
        description: String?,
        kind: Kind,
        text: String,
        textBytes: Int
    ) {
        self.type = type
        self.sequence = sequence
        self.filename = filename
        self.description = description
        self.kind = kind
        self.text = text
        self.textBytes = textBytes
    }
}
