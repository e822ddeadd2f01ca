import FilingParser
import Foundation
import SECModel

/// The filing metadata `vectordb chunk` puts in chunk ids and context lines when it has only a file:
/// the inline XBRL cover facts (filer, CIK, period, form) when present, else the period the cover page
/// states, an accession number from the option or the file's path, and placeholders for the rest.
enum ChunkFilingMetadata {
    static let placeholderAccession = "0000000000-00-000000"

    /// - Parameter coverText: the start of the document's canonical text, searched for the period
    ///   when there are no inline XBRL cover facts.
    static func guess(
        bytes: [UInt8],
        file: String,
        form: String?,
        accession: String?,
        coverText: Substring
    ) -> FilingMetadata {
        let facts =
            InlineXBRLReader.looksInline(bytes) ? (try? InlineXBRLReader().read(bytes, source: file))?.metadata : nil
        let name = URL(fileURLWithPath: file).lastPathComponent
        let found =
            accession ?? file.firstMatch(of: /\d{10}-\d{2}-\d{6}/).map { String($0.0) }
            ?? file.firstMatch(of: /\/(\d{18})\//).map { String($0.1) }
        let number = found.flatMap { AccessionNumber($0) } ?? AccessionNumber(placeholderAccession)
        let period = facts?.documentPeriodEndDate.flatMap { EDGARDate($0) } ?? CoverPeriod.find(in: coverText)
        let cik = facts?.entityCentralIndexKey.flatMap { CIK($0) } ?? CIK(value: 1)
        let filingForm = FormType(form ?? facts?.documentType ?? "10-K")
        guard let number, let cik, let epoch = EDGARDate(year: 1970, month: 1, day: 1) else {
            preconditionFailure("placeholder accession, CIK and date are valid")
        }
        return FilingMetadata(
            cik: cik,
            companyName: facts?.entityRegistrantName ?? name,
            tickers: facts?.tradingSymbol.map { [$0] } ?? [],
            form: filingForm,
            accession: number,
            filingDate: period ?? epoch,
            reportDate: period,
            primaryDocument: name,
            sourceURL: URL(fileURLWithPath: file).standardizedFileURL.path
        )
    }
}
