import Foundation
import SECModel

/// The days a `--daily YYYY-MM-DD[..YYYY-MM-DD]` walk visits, as a pure value.
///
/// EDGAR publishes a daily index for each business day only; weekends are skipped without a
/// request, and a weekday without an index (a holiday) answers 404, which the walk treats as a day
/// with no filings.
public struct DailyRange: Sendable, Hashable {
    /// Longest walk accepted, in days (about ten years), so a typo cannot queue a million requests.
    public static let daysMax = 3660

    public let first: EDGARDate
    public let last: EDGARDate

    /// Parses `2025-02-14` or `2025-02-10..2025-02-14`.
    ///
    /// - Throws: `EDGARError.invalidInput` naming the text, for a malformed date, a reversed range or
    ///   a range longer than `daysMax`.
    public init(parsing text: String) throws(EDGARError) {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 1 || parts.count == 2, let first = EDGARDate(parts[0]),
            let last = parts.count == 2 ? EDGARDate(parts[1]) : first
        else {
            throw EDGARError(
                code: .invalidInput,
                source: "--daily",
                message: "'\(text)' is not YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD"
            )
        }
        guard first <= last else {
            throw EDGARError(code: .invalidInput, source: "--daily", message: "'\(text)': \(first) is after \(last)")
        }
        guard Self.dayNumber(last) - Self.dayNumber(first) < Self.daysMax else {
            throw EDGARError(
                code: .invalidInput,
                source: "--daily",
                message: "'\(text)' spans more than \(Self.daysMax) days"
            )
        }
        self.first = first
        self.last = last
    }

    /// Every Monday-to-Friday date in `first...last`, in order.
    public var businessDays: [EDGARDate] {
        let start = Self.dayNumber(first)
        return (start...Self.dayNumber(last)).compactMap { number in
            Self.isWeekend(dayNumber: number) ? nil : Self.date(dayNumber: number)
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's `days_from_civil`).
    static func dayNumber(_ date: EDGARDate) -> Int {
        let year = date.month <= 2 ? date.year - 1 : date.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let monthIndex = (date.month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `dayNumber` (`civil_from_days`).
    static func date(dayNumber: Int) -> EDGARDate? {
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return EDGARDate(year: year, month: month, day: day)
    }

    /// 1970-01-01 was a Thursday; day numbers 2 and 3 (mod 7) are Saturday and Sunday.
    static func isWeekend(dayNumber: Int) -> Bool {
        let weekday = ((dayNumber % 7) + 7) % 7
        return weekday == 2 || weekday == 3
    }
}
