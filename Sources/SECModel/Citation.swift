/// Where a chunk of text came from, precise enough to quote it: the filing, the document (the
/// primary document or an exhibit), the item and the character span in that document's canonical
/// text.
public struct Citation: Hashable, Sendable, Codable {
    public var cik: CIK
    public var companyName: String
    public var tickers: [String]
    public var form: FormType
    public var filingDate: EDGARDate
    public var reportDate: EDGARDate?
    public var fiscalYear: Int
    public var accession: AccessionNumber
    /// The section's item key (see `Section.key`).
    public var item: String
    public var itemTitle: String
    /// Start of the chunk in the document's canonical text, in Unicode scalars.
    public var charStart: Int
    /// End (exclusive) of the chunk in the document's canonical text, in Unicode scalars.
    public var charEnd: Int
    /// The public URL of the document the chunk is cut from: the primary document's, or an exhibit's.
    public var sourceURL: String
    /// The EDGAR type of that document: the filing's form for its primary document (`10-K`), the
    /// exhibit type for an exhibit (`EX-99.1`, as the filing's document-type source writes it).
    public var documentType: String

    /// The citation of a span of the filing's primary document (`documentType` is the form).
    public init(filing: FilingMetadata, section: Section, charStart: Int, charEnd: Int) {
        self.cik = filing.cik
        self.companyName = filing.companyName
        self.tickers = filing.tickers
        self.form = filing.form
        self.filingDate = filing.filingDate
        self.reportDate = filing.reportDate
        self.fiscalYear = filing.fiscalYear
        self.accession = filing.accession
        self.item = section.key
        self.itemTitle = section.title
        self.charStart = charStart
        self.charEnd = charEnd
        self.sourceURL = filing.sourceURL
        self.documentType = filing.form.rawValue
    }

    /// Whether the chunk is cut from an exhibit rather than the primary document.
    public var isExhibit: Bool { documentType != form.rawValue }

    enum CodingKeys: String, CodingKey {
        case cik, companyName, tickers, form, filingDate, reportDate, fiscalYear, accession, item, itemTitle
        case charStart, charEnd, sourceURL, documentType
    }

    /// Decodes a citation; one encoded before exhibits were ingested has no `documentType` and
    /// cites a primary document, whose type is the form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        cik = try container.decode(CIK.self, forKey: .cik)
        companyName = try container.decode(String.self, forKey: .companyName)
        tickers = try container.decode([String].self, forKey: .tickers)
        form = try container.decode(FormType.self, forKey: .form)
        filingDate = try container.decode(EDGARDate.self, forKey: .filingDate)
        reportDate = try container.decodeIfPresent(EDGARDate.self, forKey: .reportDate)
        fiscalYear = try container.decode(Int.self, forKey: .fiscalYear)
        accession = try container.decode(AccessionNumber.self, forKey: .accession)
        item = try container.decode(String.self, forKey: .item)
        itemTitle = try container.decode(String.self, forKey: .itemTitle)
        charStart = try container.decode(Int.self, forKey: .charStart)
        charEnd = try container.decode(Int.self, forKey: .charEnd)
        sourceURL = try container.decode(String.self, forKey: .sourceURL)
        documentType = try container.decodeIfPresent(String.self, forKey: .documentType) ?? form.rawValue
    }
}
