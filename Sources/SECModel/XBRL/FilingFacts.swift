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

    private static let metadataNames: Set<String> = [
        "DocumentType", "DocumentPeriodEndDate", "EntityRegistrantName", "EntityCentralIndexKey", "TradingSymbol",
        "DocumentFiscalYearFocus", "DocumentFiscalPeriodFocus", "AmendmentFlag",
    ]

    /// Reads the metadata from the facts of any `dei` namespace (`http://xbrl.sec.gov/dei/…`):
    /// un-dimensioned facts first, then dimensioned ones; the first fact of each name wins.
    public init(facts: [XBRLFact]) {
        self.init()
        var seen: Set<String> = []
        // Facts without dimensions first; indices, not filtered copies of every fact.
        let ordered =
            facts.indices.filter { facts[$0].dimensions.isEmpty }
            + facts.indices.filter {
                !facts[$0].dimensions.isEmpty
            }
        for fact in ordered.lazy.map({ facts[$0] }) where !fact.isNil {
            let name = fact.concept.localName
            // The name first: a set lookup rules out nearly every fact before the namespace search.
            guard Self.metadataNames.contains(name), fact.concept.namespace.contains("xbrl.sec.gov/dei"),
                let raw = fact.value
            else { continue }
            guard seen.insert(name).inserted else { continue }
            let value = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            switch name {
            case "DocumentType": documentType = value
            case "DocumentPeriodEndDate": documentPeriodEndDate = value
            case "EntityRegistrantName": entityRegistrantName = value
            case "EntityCentralIndexKey": entityCentralIndexKey = value
            case "TradingSymbol": tradingSymbol = value
            case "DocumentFiscalYearFocus": documentFiscalYearFocus = value
            case "DocumentFiscalPeriodFocus": documentFiscalPeriodFocus = value
            case "AmendmentFlag": amendmentFlag = value.lowercased() == "true" || value == "1"
            default: seen.remove(name)
            }
        }
    }
}
