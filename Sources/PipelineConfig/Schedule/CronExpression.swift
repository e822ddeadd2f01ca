/// A five-field cron expression — `minute hour day-of-month month day-of-week` — as a pure value.
///
/// Each field is `*`, a number, a range `a-b`, a step `*/n`, `a-b/n` or `a/n` (from `a` to the
/// field's end), or a comma-separated list of these. Months take `JAN`–`DEC` and days of the week
/// `SUN`–`SAT` (case ignored, also in ranges: `MON-FRI`); day of week 0 and 7 are both Sunday. The
/// macros `@yearly` (`@annually`), `@monthly`, `@weekly`, `@daily` (`@midnight`) and `@hourly` stand
/// for their usual expansions. As in Vixie cron, when both day fields are restricted (neither
/// starts with `*`) a day matches either; otherwise it must match both.
///
/// Ranges: minute 0–59, hour 0–23, day of month 1–31, month 1–12, day of week 0–7. An expression
/// that can never fire (`0 0 30 2 *`) is rejected. `next(after:in:)` finds firing instants in a
/// time zone (CronExpression+Next.swift).
public struct CronExpression: Sendable, Hashable, CustomStringConvertible {
    /// The expression as written (trimmed).
    public let text: String
    /// Bit `n` set when the field allows `n`.
    let minutes: UInt64
    let hours: UInt64
    let daysOfMonth: UInt64
    let months: UInt64
    /// Bits 0–6, Sunday = 0 (7 folded onto 0).
    let daysOfWeek: UInt64
    /// Whether the day-of-month / day-of-week field is restricted (does not start with `*`).
    let dayOfMonthRestricted: Bool
    let dayOfWeekRestricted: Bool

    /// The macros and what they stand for.
    static let macros: [String: String] = [
        "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0",
        "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
    ]

    /// Parses an expression.
    ///
    /// - Throws: `CronExpression.ParseError` whose message names the field and the token, e.g.
    ///   `minute field '61': 61 is out of range 0-59`.
    public init(parsing text: String) throws(ParseError) {
        let trimmed = text.trimmingCharacters(in: [" ", "\t"])
        var expanded = trimmed
        if trimmed.hasPrefix("@") {
            guard let macro = Self.macros[trimmed.lowercased()] else {
                let names = Self.macros.keys.sorted().joined(separator: ", ")
                throw ParseError(message: "'\(trimmed)' is not a cron macro; expected one of: \(names)")
            }
            expanded = macro
        }
        let fields = expanded.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count == 5 else {
            throw ParseError(
                message: "'\(trimmed)' has \(fields.count) field\(fields.count == 1 ? "" : "s"); expected 5: "
                    + "minute hour day-of-month month day-of-week"
            )
        }
        self.text = trimmed
        minutes = try CronField.minute.parse(fields[0])
        hours = try CronField.hour.parse(fields[1])
        daysOfMonth = try CronField.dayOfMonth.parse(fields[2])
        months = try CronField.month.parse(fields[3])
        let weekdays = try CronField.dayOfWeek.parse(fields[4])
        daysOfWeek = (weekdays & 0x7F) | (weekdays >> 7 & 1)
        dayOfMonthRestricted = !fields[2].hasPrefix("*")
        dayOfWeekRestricted = !fields[4].hasPrefix("*")
        if dayOfMonthRestricted, !dayOfWeekRestricted, !canMatchDayOfMonth {
            throw ParseError(message: "'\(trimmed)' never fires: no month it names has such a day of the month")
        }
    }

    /// Whether some month of `months` has a day of `daysOfMonth` (February counted with 29 days).
    private var canMatchDayOfMonth: Bool {
        let monthLengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...12).contains { month in
            months >> month & 1 == 1 && (1...monthLengths[month - 1]).contains { daysOfMonth >> $0 & 1 == 1 }
        }
    }

    public var description: String { text }

    /// Why a cron expression was rejected.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        public let message: String

        public init(message: String) { self.message = message }

        public var description: String { message }
    }
}
