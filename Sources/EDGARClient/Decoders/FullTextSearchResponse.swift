import Foundation
import SECModel

/// `efts.sec.gov/LATEST/search-index?q=…&forms=…&ciks=…&startdt=…&enddt=…&from=…`: EDGAR full-text
/// search, an Elasticsearch response whose hits are individual documents of filings.
public struct FullTextSearchResponse: Sendable {
    /// One matching document.
    public struct Hit: Sendable, Hashable {
        public var accession: AccessionNumber
        /// The document's file name inside the filing folder (the part of `_id` after `:`).
        public var fileName: String
        public var ciks: [CIK]
        public var form: FormType
        /// The form without amendment suffix, as EDGAR groups it (`root_forms`).
        public var rootForms: [String]
        public var fileDate: EDGARDate
        public var periodEnding: EDGARDate?
        public var displayNames: [String]
        /// 8-K item numbers; empty for other forms.
        public var items: [String]
    }

    /// Total matches (may exceed `hits.count`; page with `from`).
    public var totalCount: Int
    /// `true` when `totalCount` is a lower bound (`relation: gte`).
    public var totalIsLowerBound: Bool
    public var hits: [Hit]

    /// Decodes a search response.
    ///
    /// - Throws: `EDGARError.malformedResponse` naming the hit or field that failed.
    public static func decode(_ data: Data, source: String) throws(EDGARError) -> FullTextSearchResponse {
        let wire: Wire
        do {
            wire = try JSONDecoder().decode(Wire.self, from: data)
        } catch {
            throw EDGARError(code: .malformedResponse, source: source, message: describe(error))
        }
        var hits: [Hit] = []
        hits.reserveCapacity(wire.hits.hits.count)
        for (index, hit) in wire.hits.hits.enumerated() {
            let parts = hit.id.split(separator: ":", maxSplits: 1).map(String.init)
            let adsh = hit.source.adsh ?? parts.first ?? ""
            guard let accession = AccessionNumber(adsh), let filed = EDGARDate(hit.source.fileDate) else {
                throw EDGARError(
                    code: .malformedResponse,
                    source: source,
                    message: "hits[\(index)]: invalid adsh '\(adsh)' or file_date '\(hit.source.fileDate)'"
                )
            }
            hits.append(
                Hit(
                    accession: accession,
                    fileName: parts.count == 2 ? parts[1] : "",
                    ciks: (hit.source.ciks ?? []).compactMap { CIK($0) },
                    form: FormType(hit.source.form ?? hit.source.fileType ?? ""),
                    rootForms: hit.source.rootForms ?? [],
                    fileDate: filed,
                    periodEnding: hit.source.periodEnding.flatMap { EDGARDate($0) },
                    displayNames: hit.source.displayNames ?? [],
                    items: hit.source.items ?? []
                )
            )
        }
        return FullTextSearchResponse(
            totalCount: wire.hits.total.value,
            totalIsLowerBound: wire.hits.total.relation == "gte",
            hits: hits
        )
    }

    private struct Wire: Decodable {
        struct Hits: Decodable {
            var total: Total
            var hits: [WireHit]
        }
        struct Total: Decodable {
            var value: Int
            var relation: String?
        }
        struct WireHit: Decodable {
            var id: String
            var source: Source
            enum CodingKeys: String, CodingKey {
                case id = "_id"
                case source = "_source"
            }
        }
        struct Source: Decodable {
            var ciks: [String]?
            var periodEnding: String?
            var displayNames: [String]?
            var rootForms: [String]?
            var fileDate: String
            var form: String?
            var fileType: String?
            var adsh: String?
            var items: [String]?
            enum CodingKeys: String, CodingKey {
                case ciks, form, adsh, items
                case periodEnding = "period_ending"
                case displayNames = "display_names"
                case rootForms = "root_forms"
                case fileDate = "file_date"
                case fileType = "file_type"
            }
        }
        var hits: Hits
    }
}
