import EDGARClient
import Foundation
import PipelineConfig
import SECModel

/// A `FilingSource` over the raw cache `vectordb fetch` writes (`RawFilingCache`): the filings of every
/// cached submissions document (`resources/submissions/CIK##########.json`, and its cached extra
/// pages) that are complete in the cache. Documents are read back verified (length, CRC-32C).
///
/// Filings fetched through a daily-index walk alone have no cached submissions document, hence no
/// company name or tickers, and are not offered; fetch their filers with `--cik` to include them.
///
/// Each filing's documents are those `documentSelection` selects among the cached ones
/// (`FilingDocumentReader`; a cached `-index-headers.html` page gives the exhibit types, else the
/// file names do). `vectordb fetch` caches the primary document (and XBRL companions) only, so a
/// cache yields exhibits only when they were stored in it.
public struct EDGARCacheSource: FilingSource {
    public let cache: RawFilingCache
    /// Form types to keep (exact match); empty keeps all.
    public let forms: Set<FormType>
    /// Filers to keep; empty keeps all.
    public let ciks: Set<CIK>
    /// Which documents of each filing to ingest (`[source] documents`).
    public let documentSelection: DocumentSelection

    public init(root: URL, forms: Set<FormType> = [], ciks: Set<CIK> = [], documents: DocumentSelection = .default) {
        self.cache = RawFilingCache(root: root)
        self.forms = forms
        self.ciks = ciks
        self.documentSelection = documents
    }

    public func filings() async throws(PipelineError) -> [SourceFiling] {
        let directory = cache.root.appendingPathComponent("resources/submissions")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
            throw PipelineError(
                stage: .source,
                subject: directory.path,
                category: .notFound,
                message: "no cached submissions: run `vectordb fetch --cik …` with --cache \(cache.root.path) first"
            )
        }
        var result: [SourceFiling] = []
        for name in names.sorted()
        where name.hasPrefix("CIK") && name.hasSuffix(".json.vdbr") && !name.contains("-submissions-") {
            let key = "submissions/" + name.dropLast(".vdbr".count)
            do {
                guard let (bytes, _) = try cache.loadResource(key) else { continue }
                let response = try SubmissionsResponse.decode(Data(bytes), source: key)
                if !ciks.isEmpty, !ciks.contains(response.cik) { continue }
                var records = try response.filings.recent.records(source: key)
                for page in response.filings.files {
                    guard let (pageBytes, _) = try cache.loadResource("submissions/\(page.name)") else { continue }
                    records += try FilingColumns.decodePage(Data(pageBytes), source: page.name).records(
                        source: page.name
                    )
                }
                for record in records where forms.isEmpty || forms.contains(record.form) {
                    if let filing = cachedFiling(response: response, record: record) { result.append(filing) }
                }
            } catch {
                throw PipelineError(
                    stage: .source,
                    subject: directory.appendingPathComponent(name).path,
                    wrapping: error
                )
            }
        }
        return result
    }

    public func documents(of filing: SourceFiling) async throws(PipelineError) -> [SourceDocument] {
        let folder = CachedFilingFolder(cache: cache, accession: filing.metadata.accession)
        let reader = FilingDocumentReader(selection: documentSelection)
        guard filing.isFullSubmission else { return try reader.documents(in: folder, filing: filing.metadata) }
        let name = filing.metadata.primaryDocument
        guard let bytes = try folder.contents(of: name) else {
            throw PipelineError(
                stage: .source,
                subject: filing.location,
                category: .notFound,
                message: "the document left the cache"
            )
        }
        return try reader.documents(inSubmission: bytes, location: filing.location, filing: filing.metadata)
    }

    private func cachedFiling(response: SubmissionsResponse, record: SubmissionRecord) -> SourceFiling? {
        let document = record.primaryDocument
        guard SafeName.isValid(document), cache.isComplete(record.accession),
            cache.completedDocuments(record.accession)?.contains(document) == true
        else { return nil }
        let metadata = FilingMetadata(response: response, record: record)
        return SourceFiling(
            metadata: metadata,
            location: "\(cache.root.path)#\(record.accession)/\(document)",
            isFullSubmission: document == "\(record.accession).txt"
        )
    }
}
