import Foundation
import SECModel

extension CronExpression {
    /// Years searched ahead before concluding that the expression does not fire: every expression
    /// `init(parsing:)` accepts fires within 8 (February 29 across a century year that is not leap).
    static let searchYearsMax = 9

    /// The first instant after `instant` at which the expression fires in `timeZone`.
    ///
    /// Matching happens on the zone's wall clock, and each matching wall-clock minute fires at most
    /// once: a minute skipped by a spring-forward gap (02:30 on the night clocks jump from 02:00 to
    /// 03:00) fires at the first instant after the gap (03:00), all such minutes of one gap together
    /// once; a minute repeated by a fall-back (01:30 twice) fires at its first occurrence only.
    ///
    /// - Returns: a whole-minute instant strictly after `instant`; `nil` when none comes within
    ///   `searchYearsMax` years (not for an expression `init(parsing:)` accepted).
    public func next(after instant: Date, in timeZone: TimeZone) -> Date? {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        // Wall-clock search starts a little before the instant's own wall-clock time: offsets change by
        // at most a few hours, and `resolve` maps wall-clock times to instants monotonically.
        let localStart = seconds + timeZone.secondsFromGMT(for: instant) - 4 * 3_600
        var day = Self.floorDiv(localStart, 86_400)
        var firstMinute = Self.floorDiv(localStart - day * 86_400, 60)
        let lastDay = day + Self.searchYearsMax * 366
        while day <= lastDay {
            if let date = EDGARDate(dayNumber: day), matches(date) {
                for minuteOfDay in firstMinute..<1_440
                where hours >> UInt64(minuteOfDay / 60) & 1 == 1 && minutes >> UInt64(minuteOfDay % 60) & 1 == 1 {
                    let fire = Self.resolve(localSeconds: day * 86_400 + minuteOfDay * 60, in: timeZone)
                    if fire > seconds { return Date(timeIntervalSince1970: TimeInterval(fire)) }
                }
            }
            day += 1
            firstMinute = 0
        }
        return nil
    }

    /// Whether the expression's day, month and weekday fields allow `date`.
    func matches(_ date: EDGARDate) -> Bool {
        guard months >> UInt64(date.month) & 1 == 1 else { return false }
        let dayOfMonth = daysOfMonth >> UInt64(date.day) & 1 == 1
        let dayOfWeek = daysOfWeek >> UInt64(date.weekday) & 1 == 1
        if dayOfMonthRestricted && dayOfWeekRestricted { return dayOfMonth || dayOfWeek }
        return dayOfMonth && dayOfWeek
    }

    /// The instant (seconds since 1970) a wall-clock time of `timeZone` fires at: the time itself
    /// when it occurs once; its first occurrence when a fall-back repeats it; the end of the gap when
    /// a spring-forward skips it.
    ///
    /// - Parameter localSeconds: the wall-clock time as seconds since 1970-01-01 00:00 of that clock.
    static func resolve(localSeconds: Int, in timeZone: TimeZone) -> Int {
        let before = offset(at: localSeconds - 86_400, in: timeZone)
        let after = offset(at: localSeconds + 86_400, in: timeZone)
        let occurrences = Set([before, after]).map { localSeconds - $0 }.filter { candidate in
            localSeconds - offset(at: candidate, in: timeZone) == candidate
        }
        if let first = occurrences.min() { return first }
        // In a gap: the offset changes from `before` to `after` somewhere in (local − after, local − before];
        // find the first instant with the new offset.
        var low = localSeconds - after
        var high = localSeconds - before
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if offset(at: middle, in: timeZone) == before { low = middle } else { high = middle }
        }
        return high
    }

    static func offset(at seconds: Int, in timeZone: TimeZone) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    static func floorDiv(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }
}
