import SECModel

/// URL builders for every EDGAR endpoint the client reads. Inputs are typed or validated with
/// `SafeName`, so nothing untrusted reaches a URL unchecked.
public struct EDGAREndpoints: Sendable {
    public var www: String
    public var data: String
    public var efts: String

    public init(configuration: EDGARClientConfiguration) {
        www = configuration.wwwBaseURL
        data = configuration.dataBaseURL
        efts = configuration.eftsBaseURL
    }

    public var companyTickers: String { "\(www)/files/company_tickers.json" }
    public var companyTickersExchange: String { "\(www)/files/company_tickers_exchange.json" }
    public func submissions(_ cik: CIK) -> String { "\(data)/submissions/CIK\(cik.padded).json" }

    /// An extra submissions page named in `filings.files`.
    public func submissionsPage(_ name: String) throws(EDGARError) -> String {
        "\(data)/submissions/\(try SafeName.validated(name, what: "submissions page"))"
    }

    public func filingFolder(_ cik: CIK, _ accession: AccessionNumber) -> String {
        "\(www)/Archives/edgar/data/\(cik)/\(accession.folderName)"
    }

    public func filingIndex(_ cik: CIK, _ accession: AccessionNumber) -> String {
        filingFolder(cik, accession) + "/index.json"
    }

    public func document(_ cik: CIK, _ accession: AccessionNumber, _ name: String) throws(EDGARError) -> String {
        filingFolder(cik, accession) + "/" + (try SafeName.validated(name, what: "document name"))
    }

    /// `daily-index/{YYYY}/QTR{n}/{kind}.{YYYYMMDD}.idx`; `kind` is `form`, `master` or `company`.
    public func dailyIndex(_ date: EDGARDate, kind: String = "form") throws(EDGARError) -> String {
        let quarter = (date.month - 1) / 3 + 1
        let compact = date.description.replacingOccurrences(of: "-", with: "")
        let name = try SafeName.validated("\(kind).\(compact).idx", what: "index name")
        return "\(www)/Archives/edgar/daily-index/\(date.year)/QTR\(quarter)/\(name)"
    }

    /// `full-index/{YYYY}/QTR{n}/{kind}.idx`.
    public func fullIndex(year: Int, quarter: Int, kind: String = "form") throws(EDGARError) -> String {
        guard (1993...9999).contains(year), (1...4).contains(quarter) else {
            throw EDGARError(code: .invalidInput, source: "\(year)Q\(quarter)", message: "no such quarter")
        }
        return
            "\(www)/Archives/edgar/full-index/\(year)/QTR\(quarter)/\(try SafeName.validated(kind + ".idx", what: "index"))"
    }

    public func companyFacts(_ cik: CIK) -> String { "\(data)/api/xbrl/companyfacts/CIK\(cik.padded).json" }

    public func companyConcept(_ cik: CIK, taxonomy: String, tag: String) throws(EDGARError) -> String {
        let taxonomy = try SafeName.validated(taxonomy, what: "taxonomy")
        let tag = try SafeName.validated(tag, what: "tag")
        return "\(data)/api/xbrl/companyconcept/CIK\(cik.padded)/\(taxonomy)/\(tag).json"
    }

    public func currentFilingsFeed(count: Int = 100, start: Int = 0) -> String {
        "\(www)/cgi-bin/browse-edgar?action=getcurrent&count=\(max(1, min(count, 100)))&start=\(max(0, start))&output=atom"
    }

    public var xbrlRSS: String { "\(www)/Archives/edgar/usgaap.rss.xml" }
}
