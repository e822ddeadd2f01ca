extension EDGARDate {
    /// Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's `days_from_civil`).
    public var dayNumber: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let monthIndex = (month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01 (`civil_from_days`), or `nil` outside years
    /// 1...9999.
    public init?(dayNumber: Int) {
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)
    }

    /// The day of the week, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday).
    public var weekday: Int { ((dayNumber + 4) % 7 + 7) % 7 }

    /// Saturday or Sunday, when EDGAR publishes no daily index.
    public var isWeekend: Bool { weekday == 0 || weekday == 6 }

    /// The date `days` days later (earlier when negative), or `nil` outside years 1...9999.
    public func adding(days: Int) -> EDGARDate? { EDGARDate(dayNumber: dayNumber + days) }
}
