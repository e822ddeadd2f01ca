/// Where a chunk of text came from, precise enough to quote it: the filing, the item and the
/// character span in that filing's canonical text.
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
    /// Start of the chunk in the filing's canonical text, in Unicode scalars.
    public var charStart: Int
    /// End (exclusive) of the chunk in the filing's canonical text, in Unicode scalars.
    public var charEnd: Int
    public var sourceURL: String

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
    }
}
