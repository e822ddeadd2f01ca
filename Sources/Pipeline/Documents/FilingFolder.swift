/// The files of one filing's folder, by name: a directory of an EDGAR-shaped tree
/// (`DirectoryFilingFolder`) or a filing in the raw cache (`CachedFilingFolder`). The one seam
/// between a source's storage and `FilingDocumentReader`, which finds and selects the documents.
protocol FilingFolder: Sendable {
    /// The names of the folder's documents (not `index.json`, not the `-index` pages), in a stable
    /// order.
    func documentNames() throws(PipelineError) -> [String]
    /// The bytes of the file `name` (a document, an index page or the full submission), or `nil`
    /// when the folder does not hold it. Names are validated (`SafeName`) before the call.
    func contents(of name: String) throws(PipelineError) -> [UInt8]?
    /// Where the file `name` is kept, for `SourceDocument.location` and errors.
    func location(of name: String) -> String
}
