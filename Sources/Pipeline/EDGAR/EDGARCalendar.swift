import Foundation
import SECModel

/// EDGAR's calendar: filing dates and daily indexes are days in US Eastern time.
public enum EDGARCalendar {
    /// `America/New_York`, where EDGAR's days begin and end.
    public static let timeZone =
        TimeZone(identifier: "America/New_York") ?? TimeZone(secondsFromGMT: -5 * 3_600) ?? .current

    /// The EDGAR day `instant` falls on.
    ///
    /// - Precondition: `instant` lies in years 1...9999.
    public static func day(of instant: Date) -> EDGARDate {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: instant)
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        guard let day = EDGARDate(dayNumber: days) else { preconditionFailure("\(instant) is outside years 1...9999") }
        return day
    }
}
