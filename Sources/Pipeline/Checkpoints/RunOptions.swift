/// How `PipelineRunner.run` treats the ledger and failing filings (`vectordb run --resume | --force`,
/// `--fail-fast`).
public struct RunOptions: Sendable, Hashable {
    /// What the run does with filings the ledger has seen.
    public enum Mode: String, Sendable, Hashable, Codable {
        /// The default: skip filings whose source bytes and settings are unchanged since they were
        /// ingested; ingest new, changed, interrupted and (unless they failed with bad input on the
        /// same bytes and settings) failed ones.
        case resume
        /// Ingest every filing again, as if the ledger were empty (its old chunks still replaced).
        case force
    }

    public var mode: Mode
    /// Stop at the first filing that fails (after recording it), instead of recording it and going on.
    public var failFast: Bool
    /// Test-only: kills the process at a checkpoint (`TestCrashHook`); `nil` in normal runs.
    public var crashHook: TestCrashHook?

    public init(mode: Mode = .resume, failFast: Bool = false, crashHook: TestCrashHook? = nil) {
        self.mode = mode
        self.failFast = failFast
        self.crashHook = crashHook
    }
}
