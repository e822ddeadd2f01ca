import Foundation
import PipelineConfig
import Testing

@Suite struct CronExpressionTests {
    static let newYork = TimeZone(identifier: "America/New_York")!
    static let utc = TimeZone(identifier: "UTC")!

    /// An instant written in UTC, `2025-03-09T07:00:00Z`.
    static func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    /// The first `count` firing instants after `start`, as UTC ISO 8601 strings.
    static func fires(_ expression: String, after start: String, count: Int, in zone: TimeZone) throws -> [String] {
        let cron = try CronExpression(parsing: expression)
        var instant = utc(start)
        var result: [String] = []
        for _ in 0..<count {
            let next = try #require(cron.next(after: instant, in: zone))
            result.append(ISO8601DateFormatter().string(from: next))
            instant = next
        }
        return result
    }

    @Test func fieldsTakeRangesListsStepsAndNames() throws {
        #expect(
            try Self.fires("*/20 9-10 * * *", after: "2025-01-06T08:59:00Z", count: 7, in: Self.utc) == [
                "2025-01-06T09:00:00Z", "2025-01-06T09:20:00Z", "2025-01-06T09:40:00Z", "2025-01-06T10:00:00Z",
                "2025-01-06T10:20:00Z", "2025-01-06T10:40:00Z", "2025-01-07T09:00:00Z",
            ]
        )
        // 2025-01-03 is a Friday: the next weekday mornings are Monday and Tuesday.
        #expect(
            try Self.fires("30 6 * * MON-FRI", after: "2025-01-03T07:00:00Z", count: 2, in: Self.utc) == [
                "2025-01-06T06:30:00Z", "2025-01-07T06:30:00Z",
            ]
        )
        #expect(
            try Self.fires("0 0 1,15 jan,jul *", after: "2025-01-01T00:00:00Z", count: 3, in: Self.utc) == [
                "2025-01-15T00:00:00Z", "2025-07-01T00:00:00Z", "2025-07-15T00:00:00Z",
            ]
        )
        // Day 7 is Sunday too; `a/n` runs from a to the field's end.
        #expect(
            try Self.fires("0 12 * * 7", after: "2025-01-01T00:00:00Z", count: 1, in: Self.utc) == [
                "2025-01-05T12:00:00Z"
            ]
        )
        #expect(
            try Self.fires("50/5 0 * * *", after: "2025-01-01T00:00:00Z", count: 3, in: Self.utc) == [
                "2025-01-01T00:50:00Z", "2025-01-01T00:55:00Z", "2025-01-02T00:50:00Z",
            ]
        )
    }

    @Test func bothDayFieldsRestrictedMatchEither() throws {
        // The 13th, or any Friday (Vixie cron): 2025-06-06 is a Friday, 2025-06-13 a Friday and the 13th.
        #expect(
            try Self.fires("0 0 13 * 5", after: "2025-06-01T00:00:00Z", count: 3, in: Self.utc) == [
                "2025-06-06T00:00:00Z", "2025-06-13T00:00:00Z", "2025-06-20T00:00:00Z",
            ]
        )
        // With day of week `*`, only the 13th.
        #expect(
            try Self.fires("0 0 13 * *", after: "2025-06-01T00:00:00Z", count: 1, in: Self.utc) == [
                "2025-06-13T00:00:00Z"
            ]
        )
        // February 29 only in leap years.
        #expect(
            try Self.fires("0 0 29 2 *", after: "2025-01-01T00:00:00Z", count: 1, in: Self.utc) == [
                "2028-02-29T00:00:00Z"
            ]
        )
    }

    @Test func macros() throws {
        #expect(
            try Self.fires("@daily", after: "2025-01-01T00:10:00Z", count: 2, in: Self.utc)
                == Self.fires("0 0 * * *", after: "2025-01-01T00:10:00Z", count: 2, in: Self.utc)
        )
        #expect(try CronExpression(parsing: "@DAILY").description == "@DAILY")
        #expect(
            try Self.fires("@hourly", after: "2025-01-01T00:10:00Z", count: 1, in: Self.utc) == ["2025-01-01T01:00:00Z"]
        )
        #expect(
            try Self.fires("@weekly", after: "2025-01-01T00:00:00Z", count: 1, in: Self.utc) == ["2025-01-05T00:00:00Z"]
        )
    }

    @Test func zonesShiftTheWallClock() throws {
        // 22:00 in New York is 03:00 UTC the next day in winter, 02:00 in summer.
        #expect(
            try Self.fires("0 22 * * 1-5", after: "2025-03-07T12:00:00Z", count: 2, in: Self.newYork) == [
                "2025-03-08T03:00:00Z", "2025-03-11T02:00:00Z",
            ]
        )
    }

    /// 2025-03-09, America/New_York: 02:00 EST jumps to 03:00 EDT (07:00Z).
    @Test func springForwardGapFiresOnceAtTheNextValidInstant() throws {
        #expect(
            try Self.fires("30 2 * * *", after: "2025-03-08T12:00:00Z", count: 3, in: Self.newYork) == [
                "2025-03-09T07:00:00Z", "2025-03-10T06:30:00Z", "2025-03-11T06:30:00Z",
            ]
        )
        // Every minute of the gap maps to 03:00 EDT, as does 03:00 itself: one firing for them all.
        #expect(
            try Self.fires("*/30 * * * *", after: "2025-03-09T06:15:00Z", count: 3, in: Self.newYork) == [
                "2025-03-09T06:30:00Z", "2025-03-09T07:00:00Z", "2025-03-09T07:30:00Z",
            ]
        )
        #expect(
            try Self.fires("15 2,3 9 3 *", after: "2025-03-09T00:00:00Z", count: 2, in: Self.newYork) == [
                "2025-03-09T07:00:00Z", "2025-03-09T07:15:00Z",
            ]
        )
    }

    /// 2025-11-02, America/New_York: 02:00 EDT falls back to 01:00 EST (06:00Z); 01:00-01:59 repeat.
    @Test func fallBackHourFiresOnce() throws {
        #expect(
            try Self.fires("30 1 * * *", after: "2025-11-01T12:00:00Z", count: 2, in: Self.newYork) == [
                "2025-11-02T05:30:00Z", "2025-11-03T06:30:00Z",
            ]
        )
        // Hourly: 01:00 EDT, then 02:00 EST — the second 01:00 does not fire.
        #expect(
            try Self.fires("0 * * * *", after: "2025-11-02T04:30:00Z", count: 3, in: Self.newYork) == [
                "2025-11-02T05:00:00Z", "2025-11-02T07:00:00Z", "2025-11-02T08:00:00Z",
            ]
        )
        // Asked from inside the repeated hour (01:10 EST), 01:30 already fired in EDT: next is 02:30 EST.
        #expect(
            try Self.fires("30 * * * *", after: "2025-11-02T06:10:00Z", count: 1, in: Self.newYork) == [
                "2025-11-02T07:30:00Z"
            ]
        )
    }

    @Test(arguments: [
        ("61 * * * *", "minute field '61': 61 is out of range 0-59"),
        ("* 24 * * *", "hour field '24': 24 is out of range 0-23"),
        ("* * 0 * *", "day-of-month field '0': 0 is out of range 1-31"),
        ("* * * 13 *", "month field '13': 13 is out of range 1-12"),
        ("* * * * 8", "day-of-week field '8': 8 is out of range 0-7"),
        ("* * *", "'* * *' has 3 fields; expected 5: minute hour day-of-month month day-of-week"),
        ("* * * * * *", "'* * * * * *' has 6 fields; expected 5: minute hour day-of-month month day-of-week"),
        ("", "'' has 0 fields; expected 5: minute hour day-of-month month day-of-week"),
        ("*/0 * * * *", "minute field '*/0': step 0 must be at least 1"),
        ("*/x * * * *", "minute field '*/x': step 'x' is not a number"),
        ("1/2/3 * * * *", "minute field '1/2/3': more than one '/'"),
        ("* 5-2 * * *", "hour field '5-2': range 5-2 is reversed"),
        ("1,,2 * * * *", "minute field '1,,2': empty list element"),
        ("a * * * *", "minute field 'a': 'a' is not a number"),
        ("* * * FOO *", "month field 'FOO': 'FOO' is not a number or a name (JAN-DEC)"),
        ("* * * * MON-FOO", "day-of-week field 'MON-FOO': 'FOO' is not a number or a name (SUN-SAT)"),
        ("1-2-3 * * * *", "minute field '1-2-3': '1-2-3' is not a value or a range a-b"),
        ("0 0 30 2 *", "'0 0 30 2 *' never fires: no month it names has such a day of the month"),
        (
            "@every",
            "'@every' is not a cron macro; expected one of: @annually, @daily, @hourly, @midnight, @monthly, "
                + "@weekly, @yearly"
        ),
    ])
    func badExpressionsGiveExactMessages(expression: String, message: String) {
        #expect(throws: CronExpression.ParseError(message: message)) { try CronExpression(parsing: expression) }
    }

    @Test func february30WithAWeekdayStillFires() throws {
        // Both day fields restricted: any Monday of February matches, so the expression is valid.
        #expect(
            try Self.fires("0 0 30 2 1", after: "2025-01-01T00:00:00Z", count: 1, in: Self.utc) == [
                "2025-02-03T00:00:00Z"
            ]
        )
    }
}
