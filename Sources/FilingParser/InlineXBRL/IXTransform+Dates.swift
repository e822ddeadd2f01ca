extension IXTransform {
    /// The order of the parts of a date as written.
    enum DateLayout {
        case monthNameDayYear, dayMonthNameYear, monthDayYear, dayMonthYear, yearMonthDay
        case monthDay, dayMonth, monthNameDay, dayMonthName, monthNameYear, yearMonthName, monthYear, yearMonth
    }

    private static let monthNames = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    /// `1` … `12` for an English month name or abbreviation (`Sept.`, `SEPTEMBER`).
    static func month(named word: Substring) -> Int? {
        let lowered = word.lowercased()
        guard lowered.count >= 3 else { return nil }
        if lowered == "sept" { return 9 }
        guard let index = monthNames.firstIndex(of: String(lowered.prefix(3))) else { return nil }
        return index + 1
    }

    /// Rewrites a date in `layout` to `YYYY-MM-DD`, `--MM-DD` or `YYYY-MM`; `nil` when it does not fit.
    static func date(_ text: String, _ layout: DateLayout) -> String? {
        let tokens = text.split { !$0.isLetter && !$0.isNumber }
        let numbers = tokens.compactMap { Int($0) }
        let names = tokens.compactMap { month(named: $0) }
        func full(_ year: Int, _ month: Int, _ day: Int) -> String? {
            guard (1...12).contains(month), (1...31).contains(day) else { return nil }
            return "\(pad(expandYear(year), 4))-\(pad(month, 2))-\(pad(day, 2))"
        }
        func monthDay(_ month: Int, _ day: Int) -> String? {
            guard (1...12).contains(month), (1...31).contains(day) else { return nil }
            return "--\(pad(month, 2))-\(pad(day, 2))"
        }
        func yearMonth(_ year: Int, _ month: Int) -> String? {
            guard (1...12).contains(month) else { return nil }
            return "\(pad(expandYear(year), 4))-\(pad(month, 2))"
        }
        switch layout {
        case .monthNameDayYear, .dayMonthNameYear:
            guard names.count == 1, numbers.count == 2 else { return nil }
            return full(numbers[1], names[0], numbers[0])
        case .monthDayYear:
            guard numbers.count == 3 else { return nil }
            return full(numbers[2], numbers[0], numbers[1])
        case .dayMonthYear:
            guard numbers.count == 3 else { return nil }
            return full(numbers[2], numbers[1], numbers[0])
        case .yearMonthDay:
            guard numbers.count == 3 else { return nil }
            return full(numbers[0], numbers[1], numbers[2])
        case .monthDay:
            guard numbers.count == 2 else { return nil }
            return monthDay(numbers[0], numbers[1])
        case .dayMonth:
            guard numbers.count == 2 else { return nil }
            return monthDay(numbers[1], numbers[0])
        case .monthNameDay, .dayMonthName:
            guard names.count == 1, numbers.count == 1 else { return nil }
            return monthDay(names[0], numbers[0])
        case .monthNameYear, .yearMonthName:
            guard names.count == 1, numbers.count == 1 else { return nil }
            return yearMonth(numbers[0], names[0])
        case .monthYear:
            guard numbers.count == 2 else { return nil }
            return yearMonth(numbers[1], numbers[0])
        case .yearMonth:
            guard numbers.count == 2 else { return nil }
            return yearMonth(numbers[0], numbers[1])
        }
    }

    /// Two-digit years as the ixt registries read them: `00`–`49` → 20xx, `50`–`99` → 19xx.
    private static func expandYear(_ year: Int) -> Int {
        guard year < 100 else { return year }
        return year < 50 ? 2000 + year : 1900 + year
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
