import SECModel

/// The inline-XBRL transformation registries in use on EDGAR: ixt versions 1–5 (XBRL International)
/// and ixt-sec (the SEC's own, 2015-08-31 and later). Input is the fact's text with whitespace
/// collapsed; output is the XML Schema lexical value the fact stands for.
enum IXTransform {
    /// Why a transformation gave no value.
    enum Failure: Error, Hashable, Sendable {
        /// The format names a registry or function this reader does not implement.
        case unknownFormat(String)
        /// The text does not match the format (e.g. `n/a` with `num-dot-decimal`).
        case invalidValue(format: String, text: String)
    }

    static let secNamespacePrefix = "http://www.sec.gov/inlineXBRL/transformation/"
    static let ixtNamespacePrefixes = [
        "http://www.xbrl.org/inlineXBRL/transformation/", "http://www.xbrl.org/2008/inlineXBRL/transformation",
    ]

    /// Applies `format` to `text`.
    static func apply(_ format: XBRLQName, to text: String) -> Result<String, Failure> {
        let name = format.localName
        let isSEC = format.namespace.hasPrefix(secNamespacePrefix)
        guard isSEC || ixtNamespacePrefixes.contains(where: { format.namespace.hasPrefix($0) }) else {
            return .failure(.unknownFormat(format.description))
        }
        let function = isSEC ? secFunctions[name] : (ixtFunctions[name] ?? secCompatible[name])
        guard let function else { return .failure(.unknownFormat(format.description)) }
        guard let value = function(text) else { return .failure(.invalidValue(format: format.description, text: text)) }
        return .success(value)
    }

    /// Whether `apply` reads `format` with `numberDotDecimal`: an ixt `num-dot-decimal` under any
    /// of its names.
    static func isNumberDotDecimal(_ format: XBRLQName) -> Bool {
        switch format.localName {
        case "num-dot-decimal", "numdotdecimal", "numcommadot", "numspacedot":
            let namespace = format.namespace
            return !namespace.hasPrefix(secNamespacePrefix) && ixtNamespacePrefixes.contains { namespace.hasPrefix($0) }
        default:
            return false
        }
    }

    typealias Function = @Sendable (String) -> String?

    /// ixt functions by local name; the registries renamed functions across versions
    /// (`numdotdecimal` → `num-dot-decimal`), so both spellings map to one implementation.
    static let ixtFunctions: [String: Function] = [
        "num-dot-decimal": numberDotDecimal, "numdotdecimal": numberDotDecimal, "numcommadot": numberDotDecimal,
        "numspacedot": numberDotDecimal, "num-comma-decimal": numberCommaDecimal,
        "numcommadecimal": numberCommaDecimal, "numdotcomma": numberCommaDecimal,
        "numspacecomma": numberCommaDecimal, "num-unit-decimal": numberUnitDecimal,
        "numunitdecimal": numberUnitDecimal, "fixed-zero": { _ in "0" }, "zerodash": { _ in "0" },
        "numdash": { _ in "0" }, "fixed-false": { _ in "false" }, "booleanfalse": { _ in "false" },
        "fixed-true": { _ in "true" }, "booleantrue": { _ in "true" }, "fixed-empty": { _ in "" },
        "nocontent": { _ in "" },
        "date-monthname-day-year-en": { date($0, .monthNameDayYear) },
        "datemonthdayyearen": { date($0, .monthNameDayYear) },
        "datelongus": { date($0, .monthNameDayYear) }, "dateshortus": { date($0, .monthNameDayYear) },
        "date-day-monthname-year-en": { date($0, .dayMonthNameYear) },
        "datedaymonthyearen": { date($0, .dayMonthNameYear) },
        "datelonguk": { date($0, .dayMonthNameYear) }, "dateshortuk": { date($0, .dayMonthNameYear) },
        "date-month-day-year": { date($0, .monthDayYear) }, "datemonthdayyear": { date($0, .monthDayYear) },
        "dateslashus": { date($0, .monthDayYear) }, "datedotus": { date($0, .monthDayYear) },
        "date-day-month-year": { date($0, .dayMonthYear) }, "datedaymonthyear": { date($0, .dayMonthYear) },
        "dateslasheu": { date($0, .dayMonthYear) }, "datedoteu": { date($0, .dayMonthYear) },
        "date-year-month-day": { date($0, .yearMonthDay) }, "dateyearmonthday": { date($0, .yearMonthDay) },
        "date-month-day": { date($0, .monthDay) }, "datemonthday": { date($0, .monthDay) },
        "date-day-month": { date($0, .dayMonth) }, "datedaymonth": { date($0, .dayMonth) },
        "date-monthname-day-en": { date($0, .monthNameDay) }, "datemonthdayen": { date($0, .monthNameDay) },
        "date-day-monthname-en": { date($0, .dayMonthName) }, "datedaymonthen": { date($0, .dayMonthName) },
        "date-monthname-year-en": { date($0, .monthNameYear) }, "datemonthyearen": { date($0, .monthNameYear) },
        "date-year-monthname-en": { date($0, .yearMonthName) }, "dateyearmonthen": { date($0, .yearMonthName) },
        "date-month-year": { date($0, .monthYear) }, "datemonthyear": { date($0, .monthYear) },
        "date-year-month": { date($0, .yearMonth) }, "dateyearmonth": { date($0, .yearMonth) },
    ]

    /// ixt-sec local names that a few filers put in the ixt namespace.
    static let secCompatible: [String: Function] = ["numwordsen": numberWords]

    /// ixt-sec functions (the SEC's registry; not in Arelle's core, which needs the EDGAR plugin).
    static let secFunctions: [String: Function] = [
        "numwordsen": numberWords, "boolballotbox": ballotBox, "duryear": { duration(years: $0) },
        "durmonth": { duration(months: $0) }, "durday": { duration(days: $0) }, "durwordsen": durationWords,
        "exchnameen": exchangeCode, "stateprovnameen": stateCode, "entityfilercategoryen": filerCategory,
        "countrynameen": countryCode, "edgarprovcountryen": edgarCountryCode,
    ]
}
