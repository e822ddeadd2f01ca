import SECModel

/// A citation's fields as JSON — company, CIK, tickers, form, dates, accession, item, character
/// span, document URL and type — the one mapping `vectordb search --json` (flat, URL as
/// `sourceURL`) and the query service (nested `citation`, URL as `secURL`) share.
public struct CitationFields: Encodable, Sendable {
    public let citation: Citation
    /// The key the document URL is written under.
    public let urlKey: String

    public init(_ citation: Citation, urlKey: String = "sourceURL") {
        self.citation = citation
        self.urlKey = urlKey
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Writes the fields into the encoder's keyed container (alongside whatever else the caller
    /// writes there); `reportDate` only when the filing has one.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(citation.companyName, forKey: Key("company"))
        try container.encode(citation.cik.description, forKey: Key("cik"))
        try container.encode(citation.tickers, forKey: Key("tickers"))
        try container.encode(citation.form.rawValue, forKey: Key("form"))
        try container.encode(citation.filingDate.description, forKey: Key("filingDate"))
        try container.encodeIfPresent(citation.reportDate?.description, forKey: Key("reportDate"))
        try container.encode(citation.fiscalYear, forKey: Key("fiscalYear"))
        try container.encode(citation.accession.description, forKey: Key("accession"))
        try container.encode(citation.item, forKey: Key("item"))
        try container.encode(citation.itemTitle, forKey: Key("itemTitle"))
        try container.encode(citation.charStart, forKey: Key("charStart"))
        try container.encode(citation.charEnd, forKey: Key("charEnd"))
        try container.encode(citation.sourceURL, forKey: Key(urlKey))
        try container.encode(citation.documentType, forKey: Key("documentType"))
    }
}
