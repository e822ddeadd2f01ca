import EDGARClient
import Foundation
import PipelineConfig
import SECModel

/// The scheduler's decisions as a pure value (the I/O shell is `ScheduleService` and
/// `ScheduledTick`): when the next tick fires, which days a tick walks, and what it records.
///
/// Days are EDGAR's (US Eastern, `EDGARCalendar`), whatever zone the cron is read in. A tick walks
/// from the day after `ScheduleState.walkedThrough` (the first tick: from `since`, else today)
/// through today, never more than `catchUpDays` days back and never outside `since...until`.
/// Weekends cost no request; a weekday without an index (a holiday, or today's index not yet
/// published) is walked again by the next tick, since only days up to the latest index read count
/// as done.
public struct ScheduleMachine: Sendable, Hashable {
    public let schedule: PipelineDefinition.ScheduleSettings
    /// The source's `since` and `until`, bounding every walk.
    public let since: EDGARDate?
    public let until: EDGARDate?

    public init(schedule: PipelineDefinition.ScheduleSettings, since: EDGARDate? = nil, until: EDGARDate? = nil) {
        self.schedule = schedule
        self.since = since
        self.until = until
    }

    /// The first instant after `now` the cron fires at, in the schedule's time zone.
    public func nextTick(after now: Date) -> Date? { schedule.cron.next(after: now, in: schedule.timeZone) }

    /// What a tick at `now` walks.
    public enum Walk: Sendable, Hashable {
        /// The daily indexes of these days; `leftOut` missed days fell outside the catch-up window.
        case days(DailyRange, leftOut: Int)
        /// Nothing: every day up to today (or `until`) was walked.
        case upToDate
    }

    /// The days a tick at `now` walks after `state`.
    public func walk(at now: Date, after state: ScheduleState?) -> Walk {
        let today = EDGARCalendar.day(of: now)
        let last = min(today, until ?? today)
        let windowStart = today.adding(days: -(schedule.catchUpDays - 1)) ?? today
        let wanted = state?.walkedThrough?.adding(days: 1) ?? since ?? today
        var first = max(wanted, windowStart)
        if let since { first = max(first, since) }
        guard first <= last, let range = try? DailyRange(first: first, last: last, source: "schedule") else {
            return .upToDate
        }
        return .days(range, leftOut: max(0, windowStart.dayNumber - wanted.dayNumber))
    }

    /// The state after a tick at `now` that walked `range` to the end, reading the indexes of
    /// `daysIndexed`.
    public func state(
        after previous: ScheduleState?,
        pipeline: String,
        tickAt now: Date,
        walked range: DailyRange?,
        daysIndexed: [EDGARDate]
    ) -> ScheduleState {
        let walkedThrough = ([previous?.walkedThrough].compactMap { $0 } + daysIndexed).max()
        return ScheduleState(
            pipeline: pipeline,
            walkedThrough: walkedThrough,
            lastTickAtMs: UInt64(max(0, now.timeIntervalSince1970 * 1_000)),
            lastWalkFirst: range?.first,
            lastWalkLast: range?.last,
            ticks: (previous?.ticks ?? 0) + 1
        )
    }
}
