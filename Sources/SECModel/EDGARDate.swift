/// A calendar date as EDGAR writes it (`2025-02-14`), with no time zone.
///
/// Invariant: month in 1...12 and day valid for the month (leap years included).
public struct EDGARDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or `nil` when the components are not a real calendar day.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= EDGARDate.daysInMonth(year: year, month: month)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` or `YYYYMMDD`; `nil` for anything else.
    public init?(_ text: String) {
        let trimmed = String(text.trimmingASCIIWhitespace())
        let digits = trimmed.count == 10 ? trimmed.split(separator: "-").joined() : trimmed
        guard digits.count == 8, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            trimmed.count == 8 || trimmed.count == 10
        else { return nil }
        let chars = Array(digits)
        guard let year = Int(String(chars[0..<4])), let month = Int(String(chars[4..<6])),
            let day = Int(String(chars[6..<8]))
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: EDGARDate, rhs: EDGARDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let parsed = EDGARDate(try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a YYYY-MM-DD date")
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
