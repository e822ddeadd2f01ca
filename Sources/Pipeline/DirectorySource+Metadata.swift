import FilingParser
import Foundation
import SECModel

extension DirectorySource {
    /// The filing a file holds: a full submission read from its SEC header, an HTML document from
    /// its cover; `nil` for a `.txt` that is not a submission.
    func filing(at path: String) throws(PipelineError) -> SourceFiling? {
        let bytes = try read(path)
        if path.lowercased().hasSuffix(".txt") {
            guard let submission = try? SGMLSubmissionReader(readsXBRL: false).read(bytes, source: path),
                let metadata = Self.metadata(submission, path: path)
            else { return nil }
            return SourceFiling(metadata: metadata, location: path, isFullSubmission: true)
        }
        let accession = Self.accession(inPath: path)
        var metadata: FilingMetadata
        do {
            metadata = try ChunkFilingMetadata.load(
                bytes: bytes,
                file: path,
                form: nil,
                accession: accession,
                maxBytes: maxInputBytes
            ).filing
        } catch {
            // Offered anyway: the run's parse stage meets the same error and records it.
            metadata = try Self.placeholder(path: path, accession: accession)
        }
        if metadata.accession.description == ChunkFilingMetadata.placeholderAccession,
            let local = Self.localAccession(path)
        {
            metadata.accession = local
        }
        metadata.sourceURL = URL(fileURLWithPath: path).standardizedFileURL.absoluteString
        return SourceFiling(metadata: metadata, location: path)
    }

    /// An accession number written in the path (`0000320193-24-000123`), or `nil`.
    static func accession(inPath path: String) -> String? {
        path.firstMatch(of: /\d{10}-\d{2}-\d{6}/).map { String($0.0) }
    }

    /// `9999DDDDDD-DD-DDDDDD` from the SHA-256 of the path: stable for a file, and outside EDGAR's
    /// filer-agent numbers (which never start with 9999 in this form).
    static func localAccession(_ path: String) -> AccessionNumber? {
        let digits = SHA256.hex(of: path).compactMap { $0.hexDigitValue }.map { String($0 % 10) }.joined()
        let body = Array(digits.prefix(14))
        let text = "9999" + String(body[0..<6]) + "-" + String(body[6..<8]) + "-" + String(body[8..<14])
        return AccessionNumber(text)
    }

    /// The metadata of a full submission's SEC header, or `nil` without accession, form and filer.
    static func metadata(_ submission: FullSubmission, path: String) -> FilingMetadata? {
        let header = submission.header
        guard let accessionText = header.accessionNumber, let accession = AccessionNumber(accessionText),
            let form = header.submissionType, let filer = header.parties.first(where: { $0.cik != nil }),
            let cik = filer.cik.flatMap(CIK.init), let filed = header.filedAsOfDate.flatMap(EDGARDate.init)
        else { return nil }
        let primary = submission.documents.first { $0.type == form }?.filename ?? "\(accessionText).txt"
        return FilingMetadata(
            cik: cik,
            companyName: filer.companyName ?? "CIK \(cik)",
            tickers: [],
            form: FormType(form),
            accession: accession,
            filingDate: filed,
            reportDate: header.periodOfReport.flatMap(EDGARDate.init),
            primaryDocument: primary,
            sourceURL: "https://www.sec.gov/Archives/edgar/data/\(cik.value)/\(accession.folderName)/\(primary)"
        )
    }

    /// Metadata for a file whose cover cannot be read: the file name as filer, a 10-K, 1970.
    static func placeholder(path: String, accession: String?) throws(PipelineError) -> FilingMetadata {
        guard let cik = CIK(value: 1), let epoch = EDGARDate(year: 1970, month: 1, day: 1),
            let number = accession.flatMap(AccessionNumber.init) ?? localAccession(path)
        else {
            throw PipelineError(stage: .source, subject: path, category: .internal, message: "placeholder metadata")
        }
        return FilingMetadata(
            cik: cik,
            companyName: URL(fileURLWithPath: path).lastPathComponent,
            tickers: [],
            form: FormType("10-K"),
            accession: number,
            filingDate: epoch,
            reportDate: nil,
            primaryDocument: URL(fileURLWithPath: path).lastPathComponent,
            sourceURL: URL(fileURLWithPath: path).standardizedFileURL.absoluteString
        )
    }
}
