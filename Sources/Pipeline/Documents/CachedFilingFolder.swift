import EDGARClient
import SECModel

/// A filing in the raw cache `vectordb fetch` writes: its documents are those the completion marker
/// lists (or, while a filing is being fetched, its folder listing names), read back verified
/// (length, CRC-32C).
struct CachedFilingFolder: FilingFolder {
    let cache: RawFilingCache
    let accession: AccessionNumber
    /// The folder's document names when known from its listing; `nil` reads the completion marker.
    var listedNames: [String]? = nil

    func documentNames() throws(PipelineError) -> [String] {
        listedNames ?? cache.completedDocuments(accession) ?? []
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
