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
        try self.init(first: first, last: last, source: "--daily", text: "'\(text)'")
    }

    /// The days `first...last`.
    ///
    /// - Parameters:
    ///   - source: what the range came from, named in errors (a flag, a pipeline key).
    ///   - text: how the range is shown in errors.
    /// - Throws: `EDGARError.invalidInput` for a reversed range or one longer than `daysMax`.
    public init(first: EDGARDate, last: EDGARDate, source: String, text: String? = nil) throws(EDGARError) {
        let shown = text ?? "\(first)..\(last)"
        guard first <= last else {
            throw EDGARError(code: .invalidInput, source: source, message: "\(shown): \(first) is after \(last)")
        }
        guard last.dayNumber - first.dayNumber < Self.daysMax else {
            throw EDGARError(
                code: .invalidInput,
                source: source,
                message: "\(shown) spans more than \(Self.daysMax) days"
            )
        }
        self.first = first
        self.last = last
    }

    /// Every Monday-to-Friday date in `first...last`, in order.
    public var businessDays: [EDGARDate] {
        (first.dayNumber...last.dayNumber).compactMap { number in
            EDGARDate(dayNumber: number).flatMap { $0.isWeekend ? nil : $0 }
        }
    }
}
