/// One step of a pipeline run, as `PipelineRunner.run` reports it to a `RunProgressObserver`: the
/// run's start (how many filings the source offers), each filing's outcome, and the end.
///
/// Counters are the run's totals so far, so an observer that misses an event still shows the truth.
public struct RunProgressEvent: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case started, filing, finished
    }

    /// What happened to one filing.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// Parsed, chunked, embedded and written.
        case ingested
        /// The ledger holds it unchanged: skipped without parsing.
        case unchanged
        /// It failed before on the same bytes and settings: skipped (`--force` retries).
        case failedBefore
        /// It failed now; recorded with its reason.
        case failed
        /// Read, but none of its documents gave text to store.
        case empty
    }

    public var kind: Kind
    /// Filings the source offers this run.
    public var filingsTotal: Int
    /// Filings done so far (whatever their outcome), `0...filingsTotal`.
    public var filingsDone: Int
    /// For a `filing` event: its accession number, filer, form and outcome.
    public var accession: String?
    public var company: String?
    public var form: String?
    public var outcome: Outcome?
    /// For a failed filing: why.
    public var reason: String?
    /// Run totals so far.
    public var filingsIngested: Int
    public var filingsSkipped: Int
    public var filingsFailed: Int
    public var chunksWritten: Int
    /// Milliseconds since the run started.
    public var elapsedMs: Int

    public init(
        kind: Kind,
        filingsTotal: Int,
        filingsDone: Int,
        report: RunReport,
        elapsedMs: Int
    ) {
        self.kind = kind
        self.filingsTotal = filingsTotal
        self.filingsDone = filingsDone
        filingsIngested = report.filingsIngested
        filingsSkipped = report.filingsUnchanged + report.filingsFailedBefore
        filingsFailed = report.failures.count
        chunksWritten = report.chunksWritten
        self.elapsedMs = elapsedMs
    }
}

/// Receives a run's progress (`vectordb run`'s live line or JSON-lines events; the query service
/// and the scheduler can forward them). Called in order, from the run's task; must not block.
public protocol RunProgressObserver: Sendable {
    func record(_ event: RunProgressEvent) async
}
