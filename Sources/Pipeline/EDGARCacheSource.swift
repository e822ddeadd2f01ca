import EDGARClient
import Foundation
import SECModel

/// A `FilingSource` over the raw cache `vectordb fetch` writes (`RawFilingCache`): the filings of every
/// cached submissions document (`resources/submissions/CIK##########.json`, and its cached extra
/// pages) that are complete in the cache. Documents are read back verified (length, CRC-32C).
///
/// Filings fetched through a daily-index walk alone have no cached submissions document, hence no
/// company name or tickers, and are not offered; fetch their filers with `--cik` to include them.
public struct EDGARCacheSource: FilingSource {
    public let cache: RawFilingCache
    /// Form types to keep (exact match); empty keeps all.
    public let forms: Set<FormType>
    /// Filers to keep; empty keeps all.
    public let ciks: Set<CIK>

    public init(root: URL, forms: Set<FormType> = [], ciks: Set<CIK> = []) {
        self.cache = RawFilingCache(root: root)
        self.forms = forms
        self.ciks = ciks
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

    public func primaryDocument(of filing: SourceFiling) async throws(PipelineError) -> [UInt8] {
        let accession = filing.metadata.accession
        do {
            guard let bytes = try cache.loadDocument(accession, filing.metadata.primaryDocument) else {
                throw PipelineError(
                    stage: .source,
                    subject: filing.location,
                    category: .notFound,
                    message: "the document left the cache"
                )
            }
            return bytes
        } catch let error as PipelineError {
            throw error
        } catch {
            throw PipelineError(stage: .source, subject: filing.location, wrapping: error)
        }
    }

    private func cachedFiling(response: SubmissionsResponse, record: SubmissionRecord) -> SourceFiling? {
        let document = record.primaryDocument
        guard SafeName.isValid(document), cache.isComplete(record.accession),
            cache.completedDocuments(record.accession)?.contains(document) == true
        else { return nil }
        let metadata = FilingMetadata(response: response, record: record)
        return SourceFiling(metadata: metadata, location: "\(cache.root.path)#\(record.accession)/\(document)")
    }
}
