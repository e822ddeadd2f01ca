/// What is known about one filing before its documents are parsed: who filed what, when, and where
/// its primary document lives.
public struct FilingMetadata: Hashable, Sendable, Codable {
    public var cik: CIK
    /// The filer's conformed name, e.g. `Harbor Ridge Semiconductor, Inc.`.
    public var companyName: String
    /// Exchange tickers of the filer, upper case; may be empty.
    public var tickers: [String]
    public var form: FormType
    public var accession: AccessionNumber
    public var filingDate: EDGARDate
    /// The period of report (fiscal period end), when EDGAR gives one.
    public var reportDate: EDGARDate?
    /// The primary document's file name inside the filing folder, e.g. `hrsc-20241231.htm`.
    public var primaryDocument: String
    /// The public URL of the primary document on EDGAR.
    public var sourceURL: String

    public init(
        cik: CIK,
        companyName: String,
        tickers: [String],
        form: FormType,
        accession: AccessionNumber,
        filingDate: EDGARDate,
        reportDate: EDGARDate?,
        primaryDocument: String,
        sourceURL: String
    ) {
        self.cik = cik
        self.companyName = companyName
        self.tickers = tickers
        self.form = form
        self.accession = accession
        self.filingDate = filingDate
        self.reportDate = reportDate
        self.primaryDocument = primaryDocument
        self.sourceURL = sourceURL
    }

    /// The fiscal year the filing reports on: the year of the period of report, else of the filing date.
    public var fiscalYear: Int { (reportDate ?? filingDate).year }

    /// The EDGAR Archives URL of a document in this filing's folder.
    ///
    /// - Parameters:
    ///   - fileName: a document name inside the folder; callers validate it first.
    ///   - baseURL: the `www` base, `https://www.sec.gov` by default.
    public static func archiveURL(
        cik: CIK,
        accession: AccessionNumber,
        fileName: String,
        baseURL: String = "https://www.sec.gov"
    ) -> String {
        "\(baseURL)/Archives/edgar/data/\(cik)/\(accession.folderName)/\(fileName)"
    }
}
