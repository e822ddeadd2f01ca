import EDGARClient
import Foundation
import PipelineConfig
import SECModel

/// A `FilingSource` over a directory laid out like EDGAR:
///
/// ```
/// {root}/submissions/CIK##########.json                               (data.sec.gov submissions API)
/// {root}/Archives/edgar/data/{cik}/{accession without dashes}/{doc}   (www.sec.gov Archives)
/// ```
///
/// Filings listed in a submissions file whose primary document is present are offered — or, when
/// it is not, whose full submission `{accession}.txt` is (in the filing folder or beside it in
/// `data/{cik}/`), read for every document; the others are skipped, so a partial mirror works.
/// Each filing's documents are those `documentSelection` selects (`FilingDocumentReader`). Citations point
/// at the public EDGAR URL of each document.
public struct EDGARArchiveSource: FilingSource {
    public let root: URL
    /// Form types to keep (exact match); empty keeps all.
    public let forms: Set<FormType>
    /// Filers to keep; empty keeps all.
    public let ciks: Set<CIK>
    /// Which documents of each filing to ingest (`[source] documents`).
    public let documentSelection: DocumentSelection

    public init(root: URL, forms: Set<FormType> = [], ciks: Set<CIK> = [], documents: DocumentSelection = .default) {
        self.root = root
        self.forms = forms
        self.ciks = ciks
        self.documentSelection = documents
    }

    public func filings() async throws(PipelineError) -> [SourceFiling] {
        let directory = root.appendingPathComponent("submissions")
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw PipelineError(
                stage: .source,
                subject: directory.path,
                category: .notFound,
                message: "cannot list submissions: the source root must hold a submissions/ directory"
            )
        }
        var result: [SourceFiling] = []
        for name in names.sorted()
        where name.hasPrefix("CIK") && name.hasSuffix(".json") && !name.contains("-submissions-") {
            let path = directory.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw PipelineError(
                    stage: .source,
                    subject: path,
                    category: .unavailable,
                    message: "cannot read the file"
                )
            }
            let response: SubmissionsResponse
            let records: [SubmissionRecord]
            do {
                response = try SubmissionsResponse.decode(data, source: path)
                records = try response.filings.recent.records(source: path)
            } catch {
                throw PipelineError(stage: .source, subject: path, wrapping: error)
            }
            if !ciks.isEmpty, !ciks.contains(response.cik) { continue }
            for record in records {
                if !forms.isEmpty, !forms.contains(record.form) { continue }
                guard let filing = localFiling(response: response, record: record) else { continue }
                result.append(filing)
            }
        }
        return result
    }

    public func documents(of filing: SourceFiling) async throws(PipelineError) -> [SourceDocument] {
        let reader = FilingDocumentReader(selection: documentSelection)
        guard filing.isFullSubmission else {
            let folder = DirectoryFilingFolder(directory: filingDirectory(of: filing.metadata))
            return try reader.documents(in: folder, filing: filing.metadata)
        }
        guard let data = FileManager.default.contents(atPath: filing.location) else {
            throw PipelineError(
                stage: .source,
                subject: filing.location,
                category: .notFound,
                message: "cannot read the full submission"
            )
        }
        return try reader.documents(inSubmission: [UInt8](data), location: filing.location, filing: filing.metadata)
    }

    /// The filing offered when its primary document is present, else its full submission; a primary
    /// document that is the full submission (filings before 2001) is read as one.
    private func localFiling(response: SubmissionsResponse, record: SubmissionRecord) -> SourceFiling? {
        let document = record.primaryDocument
        guard SafeName.isValid(document) else { return nil }
        let metadata = FilingMetadata(response: response, record: record)
        let directory = filingDirectory(of: metadata)
        let submission = "\(record.accession).txt"
        let primary = directory.appendingPathComponent(document).path
        if document != submission, FileManager.default.fileExists(atPath: primary) {
            return SourceFiling(metadata: metadata, location: primary)
        }
        for path in [
            directory.appendingPathComponent(submission).path,
            directory.deletingLastPathComponent().appendingPathComponent(submission).path,
        ] where FileManager.default.fileExists(atPath: path) {
            return SourceFiling(metadata: metadata, location: path, isFullSubmission: true)
        }
        return nil
    }

    /// `Archives/edgar/data/{cik}/{accession without dashes}/`.
    private func filingDirectory(of filing: FilingMetadata) -> URL {
        root.appendingPathComponent("Archives/edgar/data")
            .appendingPathComponent(filing.cik.description)
            .appendingPathComponent(filing.accession.folderName)
    }
}
