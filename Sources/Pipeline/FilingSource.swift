import PipelineConfig
import SECModel

/// Where a pipeline's filings come from: a local EDGAR-shaped directory, the raw cache, or EDGAR itself
/// (`EDGARFilingSource`).
public protocol FilingSource: Sendable {
    /// Which documents of each filing the source hands out (`[source] documents`); part of the
    /// ledger's settings hash.
    var documentSelection: DocumentSelection { get }
    /// The filings to ingest, in a stable order.
    func filings() async throws(PipelineError) -> [SourceFiling]
    /// The documents of `filing` the source's `DocumentSelection` picks, with their bytes: the
    /// primary document first (when selected), then the selected exhibits in the filing's order.
    func documents(of filing: SourceFiling) async throws(PipelineError) -> [SourceDocument]
}

/// One filing a source offers.
public struct SourceFiling: Sendable, Hashable {
    public var metadata: FilingMetadata
    /// Where the source keeps the primary document (a path for local sources); for a filing read
    /// from its full submission, the path of that `.txt`.
    public var location: String
    /// Whether `location` is the filing's full submission (`{accession}.txt`), which holds every
    /// document, rather than the primary document itself.
    public var isFullSubmission: Bool

    public init(metadata: FilingMetadata, location: String, isFullSubmission: Bool = false) {
        self.metadata = metadata
        self.location = location
        self.isFullSubmission = isFullSubmission
    }
}
