import SECModel

/// The period a filing's cover page states ("For the fiscal year ended December 31, 2009", "For the
/// quarterly period ended March 29, 2025"), for `vectordb chunk` on a document without inline XBRL
/// cover facts.
public enum CoverPeriod {
    /// How far into the canonical text the cover page is looked for, in characters.
    public static let searchedCharacters = 20_000

    private static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    /// The first "… (year|period) ended Month D, YYYY" in `text`, or `nil`.
    public static func find(in text: Substring) -> EDGARDate? {
        let pattern = /(?i)(?:year|period)\s+ended:?\s+([A-Za-z]+)\.?\s+(\d{1,2})\s*,\s*(\d{4})/
        guard let match = text.firstMatch(of: pattern),
            let month = months.firstIndex(where: { $0.hasPrefix(match.1.lowercased()) && match.1.count >= 3 }),
            let day = Int(match.2), let year = Int(match.3)
        else { return nil }
        return EDGARDate(year: year, month: month + 1, day: day)
    }
}
