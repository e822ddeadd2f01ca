/// Filing metadata read from the cover-page `dei` facts of an XBRL or inline-XBRL document.
///
/// Each field is the value of the un-dimensioned `dei` fact of that name (the first one in
/// document order), else of the first dimensioned one (a filing with several share classes reports
/// `TradingSymbol` only per class), or `nil` when the filing does not report it.
public struct FilingFacts: Hashable, Sendable, Codable {
    /// `dei:DocumentType`, e.g. `10-K`.
    public var documentType: String?
    /// `dei:DocumentPeriodEndDate` as written by the transformation, e.g. `2024-09-28`.
    public var documentPeriodEndDate: String?
    /// `dei:EntityRegistrantName`.
    public var entityRegistrantName: String?
    /// `dei:EntityCentralIndexKey`, ten digits as filed (`0000320193`).
    public var entityCentralIndexKey: String?
    /// `dei:TradingSymbol` (the first one; a filing may list several classes).
    public var tradingSymbol: String?
    /// `dei:DocumentFiscalYearFocus`, e.g. `2024`.
    public var documentFiscalYearFocus: String?
    /// `dei:DocumentFiscalPeriodFocus`: `FY`, `Q1` … `Q4`, `H1`, `H2`.
    public var documentFiscalPeriodFocus: String?
    /// `dei:AmendmentFlag`.
    public var amendmentFlag: Bool?

    public init(
        documentType: String? = nil,
        documentPeriodEndDate: String? = nil,
        entityRegistrantName: String? = nil,
        entityCentralIndexKey: String? = nil,
        tradingSymbol: String? = nil,
        documentFiscalYearFocus: String? = nil,
        documentFiscalPeriodFocus: String? = nil,
        amendmentFlag: Bool? = nil
    ) {
        self.documentType = documentType
        self.documentPeriodEndDate = documentPeriodEndDate
        self.entityRegistrantName = entityRegistrantName
        self.entityCentralIndexKey = entityCentralIndexKey
        self.tradingSymbol = tradingSymbol
        self.documentFiscalYearFocus = documentFiscalYearFocus
        self.documentFiscalPeriodFocus = documentFiscalPeriodFocus
        self.amendmentFlag = amendmentFlag
    }

    /// Reads the metadata from the facts of any `dei` namespace (`http://xbrl.sec.gov/dei/…`):
    /// un-dimensioned facts first, then dimensioned ones; the first fact of each name wins.
    public init(facts: [XBRLFact]) {
        self.init()
        var seen: Set<String> = []
        // Facts without dimensions first; read in place, so that no fact is copied.
        facts.withUnsafeBufferPointer { facts in
            for dimensioned in [false, true] {
                for index in facts.indices where facts[index].dimensions.isEmpty != dimensioned {
                    read(facts, at: index, seen: &seen)
                }
            }
        }
    }

    /// Keeps the value of `facts[index]` when it is the first non-nil `dei` fact of a metadata name.
    private mutating func read(_ facts: UnsafeBufferPointer<XBRLFact>, at index: Int, seen: inout Set<String>) {
        // Fields through the buffer's address: `facts[index]` as a value would copy the whole fact.
        let name = facts[index].concept.localName
        // The name first, its length before its hash: that rules out nearly every fact before the
        // namespace search.
        guard !facts[index].isNil, Self.metadataNameLengths.contains(name.utf8.count),
            Self.metadataNames.contains(name), facts[index].concept.namespace.contains("xbrl.sec.gov/dei"),
            let raw = facts[index].value
        else { return }
        let value = { raw.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        switch name {
        case "DocumentType" where seen.insert(name).inserted: documentType = value()
        case "DocumentPeriodEndDate" where seen.insert(name).inserted: documentPeriodEndDate = value()
        case "EntityRegistrantName" where seen.insert(name).inserted: entityRegistrantName = value()
        case "EntityCentralIndexKey" where seen.insert(name).inserted: entityCentralIndexKey = value()
        case "TradingSymbol" where seen.insert(name).inserted: tradingSymbol = value()
        case "DocumentFiscalYearFocus" where seen.insert(name).inserted: documentFiscalYearFocus = value()
        case "DocumentFiscalPeriodFocus" where seen.insert(name).inserted: documentFiscalPeriodFocus = value()
        case "AmendmentFlag" where seen.insert(name).inserted:
            let flag = value()
            amendmentFlag = flag.lowercased() == "true" || flag == "1"
        default: return
        }
    }

    private static let metadataNames: Set<String> = [
        "DocumentType", "DocumentPeriodEndDate", "EntityRegistrantName", "EntityCentralIndexKey", "TradingSymbol",
        "DocumentFiscalYearFocus", "DocumentFiscalPeriodFocus", "AmendmentFlag",
    ]

    /// The UTF-8 lengths of the metadata names, a cheap first test.
    private static let metadataNameLengths = Set(metadataNames.map(\.utf8.count))
}
