import PipelineConfig

/// A `FilingSource` that stops handing out filings once its `StopSignal` is set: `documents(of:)`
/// then throws *unavailable* (not a filing's own failure), so the run ends after the filings in
/// flight — the one being written and the one the runner read ahead, at most — which finish, and a
/// later run resumes with the rest (the ledger keeps what was done).
public struct StoppingFilingSource: FilingSource {
    public let base: any FilingSource
    public let stop: StopSignal

    public init(base: any FilingSource, stop: StopSignal) {
        self.base = base
        self.stop = stop
    }

    public var documentSelection: DocumentSelection { base.documentSelection }

    public func filings() async throws(PipelineError) -> [SourceFiling] { try await base.filings() }

    public func documents(of filing: SourceFiling) async throws(PipelineError) -> [SourceDocument] {
        guard !stop.isRequested else {
            throw PipelineError(
                stage: .source,
                subject: filing.metadata.accession.description,
                category: .unavailable,
                message: "stopped before this filing: shutdown requested"
            )
        }
        return try await base.documents(of: filing)
    }
}
