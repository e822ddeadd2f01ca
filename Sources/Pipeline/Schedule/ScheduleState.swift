import SECModel

/// What a scheduler remembers between ticks, stored with the collection
/// (`IngestionLedger.recordScheduleState`, `schedules/{name}.json`; docs/formats/ledger.md).
///
/// Invariant: every business day up to `walkedThrough` was walked by a tick that completed, so the
/// next tick starts the day after it.
public struct ScheduleState: Codable, Sendable, Hashable {
    /// The pipeline's name.
    public var pipeline: String
    /// The latest day whose daily index a completed tick read; `nil` before the first one.
    public var walkedThrough: EDGARDate?
    /// When the last completed tick started, ms since 1970.
    public var lastTickAtMs: UInt64
    /// The days the last completed tick walked (`first...last`).
    public var lastWalkFirst: EDGARDate?
    public var lastWalkLast: EDGARDate?
    /// Completed ticks so far.
    public var ticks: Int

    public init(
        pipeline: String,
        walkedThrough: EDGARDate?,
        lastTickAtMs: UInt64,
        lastWalkFirst: EDGARDate? = nil,
        lastWalkLast: EDGARDate? = nil,
        ticks: Int
    ) {
        self.pipeline = pipeline
        self.walkedThrough = walkedThrough
        self.lastTickAtMs = lastTickAtMs
        self.lastWalkFirst = lastWalkFirst
        self.lastWalkLast = lastWalkLast
        self.ticks = ticks
    }
}
