import SECModel

/// A filing chosen for fetching: enough to build its folder URL and pick its documents.
public struct FilingCandidate: Sendable, Hashable {
    public var cik: CIK
    public var accession: AccessionNumber
    public var form: FormType
    public var filingDate: EDGARDate
    /// The primary document's name when the source knows it (submissions do; daily indexes do not).
    public var primaryDocument: String?
    /// The filer's name as an index row gives it (daily indexes truncate it to 60 characters); `nil`
    /// for a candidate from submissions, whose response names the filer.
    public var companyName: String?

    public init(
        cik: CIK,
        accession: AccessionNumber,
        form: FormType,
        filingDate: EDGARDate,
        primaryDocument: String?,
        companyName: String? = nil
    ) {
        self.cik = cik
        self.accession = accession
        self.form = form
        self.filingDate = filingDate
        self.primaryDocument = primaryDocument
        self.companyName = companyName
    }

    /// A candidate from a submissions record of `cik`.
    public init(cik: CIK, record: SubmissionRecord) {
        self.init(
            cik: cik,
            accession: record.accession,
            form: record.form,
            filingDate: record.filingDate,
            primaryDocument: record.primaryDocument.isEmpty ? nil : record.primaryDocument
        )
    }

    /// A candidate from a daily or quarterly index row; `nil` when the row names no accession number.
    public init?(entry: IndexEntry) {
        guard let accession = entry.accession else { return nil }
        self.init(
            cik: entry.cik,
            accession: accession,
            form: entry.formType,
            filingDate: entry.dateFiled,
            primaryDocument: nil,
            companyName: entry.companyName
        )
    }
}
