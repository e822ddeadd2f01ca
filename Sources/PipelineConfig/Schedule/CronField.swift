/// One field of a cron expression: its name in messages, its range and its names, and the parser
/// of its text into a bit set.
struct CronField: Sendable {
    let name: String
    let range: ClosedRange<Int>
    /// Three-letter names, upper case, for `range.lowerBound`, `lowerBound + 1`, …; empty when the
    /// field takes numbers only.
    let names: [String]

    static let minute = CronField(name: "minute", range: 0...59, names: [])
    static let hour = CronField(name: "hour", range: 0...23, names: [])
    static let dayOfMonth = CronField(name: "day-of-month", range: 1...31, names: [])
    static let month = CronField(
        name: "month",
        range: 1...12,
        names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    )
    static let dayOfWeek = CronField(
        name: "day-of-week",
        range: 0...7,
        names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"]
    )

    /// The values `text` allows, as bits (bit `n` for value `n`).
    ///
    /// - Throws: `CronExpression.ParseError` naming this field and the offending token.
    func parse(_ text: String) throws(CronExpression.ParseError) -> UInt64 {
        var bits: UInt64 = 0
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard !item.isEmpty else { throw error(text, "empty list element") }
            bits |= try parseItem(String(item), whole: text)
        }
        return bits
    }

    /// `*`, `n`, `a-b`, each optionally followed by `/step`.
    private func parseItem(_ item: String, whole: String) throws(CronExpression.ParseError) -> UInt64 {
        let parts = item.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw error(item, "more than one '/'") }
        var step = 1
        if parts.count == 2 {
            guard let number = Int(parts[1]) else { throw error(item, "step '\(parts[1])' is not a number") }
            guard number >= 1 else { throw error(item, "step \(number) must be at least 1") }
            step = number
        }
        let base = String(parts[0])
        var low = range.lowerBound
        var high = range.upperBound
        if base != "*" {
            let bounds = base.split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count <= 2 else { throw error(item, "'\(base)' is not a value or a range a-b") }
            low = try value(String(bounds[0]), token: item)
            if bounds.count == 2 {
                high = try value(String(bounds[1]), token: item)
                guard low <= high else { throw error(item, "range \(bounds[0])-\(bounds[1]) is reversed") }
            } else if parts.count == 1 {
                high = low
            }
        }
        var bits: UInt64 = 0
        for number in stride(from: low, through: high, by: step) { bits |= 1 << UInt64(number) }
        return bits
    }

    /// A number or a name of this field, checked against its range.
    private func value(_ text: String, token: String) throws(CronExpression.ParseError) -> Int {
        if let index = names.firstIndex(of: text.uppercased()), !text.isEmpty {
            return range.lowerBound + index
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(text) else {
            let expected = names.isEmpty ? "a number" : "a number or a name (\(namesShown))"
            throw error(token, "'\(text)' is not \(expected)")
        }
        guard range.contains(number) else {
            throw error(token, "\(number) is out of range \(range.lowerBound)-\(range.upperBound)")
        }
        return number
    }

    /// `JAN-DEC`, `SUN-SAT`: the names' span, for messages.
    private var namesShown: String {
        guard let first = names.first else { return "" }
        let distinct = names.last == first ? names.dropLast() : names[...]
        return "\(first)-\(distinct.last ?? first)"
    }

    private func error(_ token: String, _ problem: String) -> CronExpression.ParseError {
        CronExpression.ParseError(message: "\(name) field '\(token)': \(problem)")
    }
}
