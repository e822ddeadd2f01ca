import SECModel
import Testing

@testable import FilingParser

/// Decimal scaling and the ixt / ixt-sec transformations, one case per rule.
@Suite struct XBRLValueTests {
    @Test(arguments: [
        ("1234.5", 6, false, "1234500000"), ("56", 3, true, "-56000"), ("0.50", 0, false, "0.5"),
        ("-0", 0, false, "0"), ("12", -2, false, "0.12"), ("007.100", 0, false, "7.1"), (".5", 1, false, "5"),
        ("-3", 0, true, "3"), ("1.5", -3, false, "0.0015"),
    ])
    func scalesExactly(_ text: String, _ scale: Int, _ negate: Bool, _ expected: String) {
        #expect(DecimalString.canonical(text, scale: scale, negate: negate) == expected)
    }

    @Test func rejectsNonNumbers() {
        for bad in ["", "-", "1.2.3", "1e3", "abc", "\u{2014}"] { #expect(DecimalString.canonical(bad) == nil) }
    }

    @Test(arguments: [
        ("1,234.50", DecimalString.Separators.digitGroups, 3, String?("1234500")),
        ("1 234'5", .digitGroups, 0, "12345"),
        ("1,2\n34\t.5", .digitGroupsInRawText, -1, "123.45"), ("1\t2", .digitGroups, 0, nil),
        ("-5", .digitGroups, 0, nil), ("1,5", .none, 0, nil), (".", .digitGroups, 0, nil),
        ("0,000", .digitGroups, 2, "0"),
    ])
    func readsGroupedDigits(_ text: String, _ separators: DecimalString.Separators, _ scale: Int, _ expected: String?) {
        var text = text
        let value = text.withUTF8 { DecimalString.canonical(utf8: $0, scale: scale, separators: separators) }
        #expect(value == expected)
    }

    private func apply(_ namespace: String, _ name: String, _ text: String) -> String? {
        let format = XBRLQName(namespace: namespace, prefix: "f", localName: name)
        return try? IXTransform.apply(format, to: text).get()
    }

    static let ixt4 = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
    static let ixt2 = "http://www.xbrl.org/inlineXBRL/transformation/2011-07-31"
    static let sec = "http://www.sec.gov/inlineXBRL/transformation/2015-08-31"

    @Test(arguments: [
        (ixt4, "num-dot-decimal", "1,234,567.89", "1234567.89"), (ixt2, "numdotdecimal", "1 234", "1234"),
        (ixt4, "num-comma-decimal", "1.234,5", "1234.5"), (ixt4, "fixed-zero", "\u{2014}", "0"),
        (ixt2, "zerodash", "-", "0"), (ixt4, "fixed-true", "x", "true"), (ixt2, "booleanfalse", "No", "false"),
        (ixt4, "date-monthname-day-year-en", "Sept. 28, 2024", "2024-09-28"),
        (ixt2, "datemonthdayyearen", "JANUARY 5, 2024", "2024-01-05"),
        (ixt4, "date-day-monthname-year-en", "5 March 2025", "2025-03-05"),
        (ixt4, "date-month-day-year", "03/31/25", "2025-03-31"), (ixt4, "date-month-day", "12/31", "--12-31"),
        (ixt4, "date-monthname-day-en", "December 31", "--12-31"),
        (ixt4, "date-monthname-year-en", "March 2025", "2025-03"),
        (ixt4, "date-year-month-day", "2025-03-31", "2025-03-31"),
        (sec, "numwordsen", "no", "0"), (sec, "numwordsen", "one hundred twenty-three", "123"),
        (sec, "numwordsen", "Two million", "2000000"), (sec, "boolballotbox", "\u{2612}", "true"),
        (sec, "boolballotbox", "\u{2610}", "false"), (sec, "duryear", "1.5", "P1Y6M"), (sec, "durmonth", "18", "P18M"),
        (sec, "durwordsen", "five years and six months", "P5Y6M"),
        (sec, "exchnameen", "New York Stock Exchange", "NYSE"),
        (sec, "stateprovnameen", "New  York", "NY"),
        (sec, "entityfilercategoryen", "Large accelerated filer", "Large Accelerated Filer"),
    ])
    func transforms(_ namespace: String, _ name: String, _ text: String, _ expected: String) {
        #expect(apply(namespace, name, text) == expected)
    }

    @Test func reportsInvalidValuesAndUnknownFormats() {
        let numbers = XBRLQName(namespace: Self.ixt4, prefix: "ixt", localName: "num-dot-decimal")
        #expect(throws: IXTransform.Failure.self) { try IXTransform.apply(numbers, to: "n/a").get() }
        let unknown = XBRLQName(namespace: "urn:other", prefix: "o", localName: "num-dot-decimal")
        #expect(throws: IXTransform.Failure.unknownFormat("o:num-dot-decimal")) {
            try IXTransform.apply(unknown, to: "1").get()
        }
        #expect(apply(Self.ixt4, "date-month-day-year", "13/40/2025") == nil)
    }
}
