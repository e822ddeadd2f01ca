import EDGARClient
import SECModel

/// What one scheduler tick did.
public struct TickReport: Sendable {
    /// The days walked; `nil` when every day was walked already.
    public var walked: DailyRange?
    /// Missed days older than the catch-up window, not walked.
    public var daysLeftOut: Int
    /// Business days whose daily index was read, and those without one (holidays, not yet published).
    public var daysIndexed: [EDGARDate]
    public var daysWithoutIndex: [EDGARDate]
    /// The ingestion run over the walked days' filings; `nil` when nothing was walked.
    public var run: RunReport?
    /// The state recorded after the tick.
    public var state: ScheduleState

    /// One line: `tick: walked 2025-04-25..2025-04-29 (2 indexes, 1 day without), 2 filings ingested, …`.
    public var line: String {
        guard let walked else {
            return "tick: up to date (walked through \(state.walkedThrough?.description ?? "nothing yet"))"
        }
        var text = "tick: walked \(walked.first)..\(walked.last) (\(daysIndexed.count) indexes"
        if !daysWithoutIndex.isEmpty {
            text += ", no index on " + daysWithoutIndex.map(\.description).joined(separator: ", ")
        }
        text += ")"
        if daysLeftOut > 0 { text += ", \(daysLeftOut) missed days before the catch-up window left out" }
        if let run {
            text +=
                ": \(run.filingsIngested) filings + \(run.exhibitsIngested) exhibits ingested, "
                + "\(run.filingsUnchanged) unchanged, \(run.failures.count) failed, \(run.chunksWritten) chunks"
        }
        return text + "; walked through \(state.walkedThrough?.description ?? "nothing yet")"
    }
}
