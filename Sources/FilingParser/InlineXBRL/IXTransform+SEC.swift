extension IXTransform {
    /// ☒ / ☑ → `true`, ☐ → `false`.
    static func ballotBox(_ text: String) -> String? {
        switch text.trimmingXMLWhitespace() {
        case "\u{2611}", "\u{2612}": "true"
        case "\u{2610}": "false"
        default: nil
        }
    }

    /// A decimal number of years → `PnYnMnD` (fractions carried to months, then days of 30.4375).
    static func duration(years text: String) -> String? {
        guard let years = Double(numberDotDecimal(text) ?? "x") else { return nil }
        let whole = Int(years)
        let monthsExact = (years - Double(whole)) * 12
        let months = Int(monthsExact)
        let days = Int(((monthsExact - Double(months)) * 30.4375).rounded())
        return durationString(years: whole, months: months, days: days)
    }

    /// A decimal number of months → `PnMnD`.
    static func duration(months text: String) -> String? {
        guard let months = Double(numberDotDecimal(text) ?? "x") else { return nil }
        let whole = Int(months)
        let days = Int(((months - Double(whole)) * 30.4375).rounded())
        return durationString(years: 0, months: whole, days: days)
    }

    /// A decimal number of days → `PnD`.
    static func duration(days text: String) -> String? {
        guard let days = Double(numberDotDecimal(text) ?? "x") else { return nil }
        return durationString(years: 0, months: 0, days: Int(days.rounded()))
    }

    /// `five years and six months` → `P5Y6M`.
    static func durationWords(_ text: String) -> String? {
        var years = 0
        var months = 0
        var days = 0
        var pending: [Substring] = []
        var matched = false
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            let unit = word.hasSuffix("s") ? word.dropLast() : word
            guard ["year", "month", "day", "week"].contains(unit) else {
                if word != "and" { pending.append(word) }
                continue
            }
            let phrase = pending.joined(separator: " ")
            guard let count = Int(phrase) ?? wordsValue(phrase) else { return nil }
            matched = true
            pending = []
            switch unit {
            case "year": years += count
            case "month": months += count
            case "week": days += count * 7
            default: days += count
            }
        }
        guard matched, pending.isEmpty else { return nil }
        return durationString(years: years, months: months, days: days)
    }

    private static func durationString(years: Int, months: Int, days: Int) -> String {
        var result = "P"
        if years != 0 { result += "\(years)Y" }
        if months != 0 { result += "\(months)M" }
        if days != 0 || result == "P" { result += "\(days)D" }
        return result
    }

    private static func lookup(_ table: [String: String], _ text: String) -> String? {
        let key = text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return table[key]
    }

    static func exchangeCode(_ text: String) -> String? { lookup(exchangeCodes, text) }
    static func stateCode(_ text: String) -> String? { lookup(stateCodes, text) }
    static func countryCode(_ text: String) -> String? { lookup(countryCodes, text) }
    static func edgarCountryCode(_ text: String) -> String? { lookup(stateCodes, text) ?? lookup(countryCodes, text) }

    /// `Large accelerated filer` → `Large Accelerated Filer` (the dei enumeration spelling).
    static func filerCategory(_ text: String) -> String? {
        let table = [
            "large accelerated filer": "Large Accelerated Filer", "accelerated filer": "Accelerated Filer",
            "non-accelerated filer": "Non-accelerated Filer", "smaller reporting company": "Non-accelerated Filer",
        ]
        return lookup(table, text)
    }
}
