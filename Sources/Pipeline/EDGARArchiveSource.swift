import EDGARClient
import Foundation
import SECModel

/// A `FilingSource` over a directory laid out like EDGAR:
///
/// ```
/// {root}/submissions/CIK##########.json                               (data.sec.gov submissions API)
/// {root}/Archives/edgar/data/{cik}/{accession without dashes}/{doc}   (www.sec.gov Archives)
/// ```
///
/// Filings listed in a submissions file whose primary document is present are offered; the others
/// are skipped, so a partial mirror works. Citations point at the public EDGAR URL of each document.
public struct EDGARArchiveSource: FilingSource {
    public let root: URL
    /// Form types to keep (exact match); empty keeps all.
    public let forms: Set<FormType>
    /// Filers to keep; empty keeps all.
    public let ciks: Set<CIK>

    public init(root: URL, forms: Set<FormType> = [], ciks: Set<CIK> = []) {
        self.root = root
        self.forms = forms
        self.ciks = ciks
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

    public func primaryDocument(of filing: SourceFiling) async throws(PipelineError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: filing.location) else {
            throw PipelineError(
                stage: .source,
                subject: filing.location,
                category: .notFound,
                message: "cannot read the primary document"
            )
        }
        return [UInt8](data)
    }

    private func localFiling(response: SubmissionsResponse, record: SubmissionRecord) -> SourceFiling? {
        let document = record.primaryDocument
        guard SafeName.isValid(document) else { return nil }
        let path = root.appendingPathComponent("Archives/edgar/data")
            .appendingPathComponent(response.cik.description)
            .appendingPathComponent(record.accession.folderName)
            .appendingPathComponent(document).path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let metadata = FilingMetadata(response: response, record: record)
        return SourceFiling(metadata: metadata, location: path)
    }
}
