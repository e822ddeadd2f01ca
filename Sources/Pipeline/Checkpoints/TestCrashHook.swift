import Foundation

/// **Test-only.** Raises `SIGKILL` in the running process at a checkpoint of a pipeline run, so the
/// crash tests kill `vectordb run` at a known point instead of after a guessed delay. Enabled only
/// by the environment variable `VECTORDB_TEST_SIGKILL_AT=POINT:N` (read by `vectordb run`), where
/// `POINT` is `chunks` (the N-th filing ingested in this run has its chunks durable, its ledger entry
/// not yet written) or `ledger` (its ledger entry written too), and N counts from 1.
public struct TestCrashHook: Sendable, Hashable {
    /// Where in a filing's write the process dies.
    public enum Point: String, Sendable, Hashable {
        /// After the filing's chunks are durable (upsert and stale-chunk delete returned), before its
        /// ledger entry.
        case chunks
        /// After the filing's ledger entry is durable.
        case ledger
    }

    public static let environmentVariable = "VECTORDB_TEST_SIGKILL_AT"

    public let point: Point
    /// The filing (1-based, counting filings written in this run) at which to die.
    public let filing: Int

    public init(point: Point, filing: Int) {
        self.point = point
        self.filing = filing
    }

    /// The hook `environment` asks for, or `nil` when the variable is absent or malformed.
    public init?(environment: [String: String]) {
        guard let value = environment[Self.environmentVariable] else { return nil }
        let parts = value.split(separator: ":")
        guard parts.count == 2, let point = Point(rawValue: String(parts[0])), let filing = Int(parts[1]), filing > 0
        else { return nil }
        self.init(point: point, filing: filing)
    }

    /// Kills the process when `point` of the `filing`-th written filing is this hook's.
    func reached(_ point: Point, filing: Int) {
        if point == self.point, filing == self.filing { raise(SIGKILL) }
    }
}
