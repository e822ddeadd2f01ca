import EDGARClient
import SECModel

/// A filing in the raw cache `vectordb fetch` writes: its documents are those the completion marker
/// lists, read back verified (length, CRC-32C).
struct CachedFilingFolder: FilingFolder {
    let cache: RawFilingCache
    let accession: AccessionNumber

    func documentNames() throws(PipelineError) -> [String] {
        cache.completedDocuments(accession) ?? []
    }

    func contents(of name: String) throws(PipelineError) -> [UInt8]? {
        do {
            return try cache.loadDocument(accession, name)
        } catch {
            throw PipelineError(stage: .source, subject: location(of: name), wrapping: error)
        }
    }

    func location(of name: String) -> String { "\(cache.root.path)#\(accession)/\(name)" }
}
