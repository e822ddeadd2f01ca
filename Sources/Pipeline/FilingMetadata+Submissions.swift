import EDGARClient
import SECModel

extension FilingMetadata {
    /// The metadata of one filing listed in a filer's submissions document, citing the public
    /// EDGAR URL of its primary document.
    init(response: SubmissionsResponse, record: SubmissionRecord) {
        self.init(
            cik: response.cik,
            companyName: response.name,
            tickers: response.tickers.map { $0.uppercased() },
            form: record.form,
            accession: record.accession,
            filingDate: record.filingDate,
            reportDate: record.reportDate,
            primaryDocument: record.primaryDocument,
            sourceURL: FilingMetadata.archiveURL(
                cik: response.cik,
                accession: record.accession,
                fileName: record.primaryDocument
            )
        )
    }
}
