import Foundation
import SECModel

/// The `Archives/edgar/usgaap.rss.xml` feed (windows-1252 on EDGAR): the latest filings with XBRL
/// financial statements, each with its list of XBRL files.
public struct XBRLFilingsFeed: Sendable {
    /// One `<item>` with its `edgar:xbrlFiling` block.
    public struct Item: Sendable, Hashable {
        public var accession: AccessionNumber
        public var cik: CIK
        public var companyName: String
        public var form: FormType
        /// `edgar:filingDate`, written `MM/DD/YYYY` in the feed.
        public var filed: EDGARDate?
        /// `edgar:acceptanceDatetime`, `YYYYMMDDHHMMSS` Eastern time, verbatim.
        public var acceptanceDateTime: String
        /// `edgar:period` (`YYYYMMDD`) when given.
        public var period: EDGARDate?
        /// The `-index.htm` page of the filing.
        public var link: String
        public var files: [File]
    }

    /// One `edgar:xbrlFile`.
    public struct File: Sendable, Hashable {
        public var sequence: Int?
        public var name: String
        /// The document type (`10-Q`, `EX-101.SCH`, …).
        public var type: String
        public var sizeBytes: Int?
        public var isInlineXBRL: Bool
        public var url: String
    }

    public var items: [Item]

    /// Decodes the RSS feed.
    ///
    /// - Throws: `EDGARError.malformedResponse` for malformed XML or an item without accession
    ///   number or CIK.
    public static func decode(_ data: Data, source: String) throws(EDGARError) -> XBRLFilingsFeed {
        let root = try XMLNode.parse(data, source: source)
        guard let channel = root.child("channel") else {
            throw EDGARError(code: .malformedResponse, source: source, message: "no <channel> under <\(root.name)>")
        }
        var items: [Item] = []
        for (index, node) in channel.children("item").enumerated() {
            guard let filing = node.child("xbrlFiling"),
                let accession = filing.childText("accessionNumber").flatMap({ AccessionNumber($0) }),
                let cik = filing.childText("cikNumber").flatMap({ CIK($0) })
            else {
                throw EDGARError(
                    code: .malformedResponse,
                    source: source,
                    message: "item \(index): missing edgar:accessionNumber or edgar:cikNumber"
                )
            }
            let files = (filing.child("xbrlFiles")?.children("xbrlFile") ?? []).map { file in
                File(
                    sequence: file.attribute("sequence").flatMap { Int($0) },
                    name: file.attribute("file") ?? "",
                    type: file.attribute("type") ?? "",
                    sizeBytes: file.attribute("size").flatMap { Int($0) },
                    isInlineXBRL: file.attribute("inlineXBRL") == "true",
                    url: file.attribute("url") ?? ""
                )
            }
            items.append(
                Item(
                    accession: accession,
                    cik: cik,
                    companyName: filing.childText("companyName") ?? "",
                    form: FormType(filing.childText("formType") ?? ""),
                    filed: filing.childText("filingDate").flatMap(usDate),
                    acceptanceDateTime: filing.childText("acceptanceDatetime") ?? "",
                    period: filing.childText("period").flatMap { EDGARDate($0) },
                    link: node.childText("link") ?? "",
                    files: files
                )
            )
        }
        return XBRLFilingsFeed(items: items)
    }

    /// `MM/DD/YYYY` → date.
    static func usDate(_ text: String) -> EDGARDate? {
        let parts = text.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return EDGARDate(year: parts[2], month: parts[0], day: parts[1])
    }
}
