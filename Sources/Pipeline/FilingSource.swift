import SECModel

/// Where a pipeline's filings come from: a local EDGAR-shaped directory now, EDGAR itself later.
public protocol FilingSource: Sendable {
    /// The filings to ingest, in a stable order.
    func filings() async throws(PipelineError) -> [SourceFiling]
    /// The bytes of a filing's primary document.
    func primaryDocument(of filing: SourceFiling) async throws(PipelineError) -> [UInt8]
}

/// One filing a source offers.
public struct SourceFiling: Sendable, Hashable {
    public var metadata: FilingMetadata
    /// Where the source keeps the primary document (a path for local sources).
    public var location: String

    public init(metadata: FilingMetadata, location: String) {
        self.metadata = metadata
        self.location = location
    }
}
