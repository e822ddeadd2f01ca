import Foundation
import SECModel
import Testing

/// The document type a citation carries, exhibit chunk ids, and citations encoded before exhibits.
@Suite struct CitationTests {
    static func filing() throws -> FilingMetadata {
        FilingMetadata(
            cik: try #require(CIK("1999901")),
            companyName: "Harbor Ridge Semiconductor, Inc.",
            tickers: ["HRSC"],
            form: .eightK,
            accession: try #require(AccessionNumber("0001999901-25-000011")),
            filingDate: try #require(EDGARDate("2025-04-24")),
            reportDate: EDGARDate("2025-04-24"),
            primaryDocument: "hrsc-20250424.htm",
            sourceURL: "https://www.sec.gov/Archives/edgar/data/1999901/000199990125000011/hrsc-20250424.htm"
        )
    }

    @Test func aPrimaryDocumentCitationHasTheFormAsItsType() throws {
        var citation = Citation(
            filing: try Self.filing(),
            section: Section(key: "2.02", title: "Results", charStart: 0, charEnd: 10),
            charStart: 0,
            charEnd: 10
        )
        #expect(citation.documentType == "8-K")
        #expect(!citation.isExhibit)
        citation.documentType = "EX-99.1"
        #expect(citation.isExhibit)
    }

    @Test func exhibitIDsInsertTheDocumentKeyAfterTheAccession() throws {
        let accession = try #require(AccessionNumber("0001999901-25-000011"))
        #expect(Chunk.makeID(accession: accession, item: "2.02", ordinal: 0) == "0001999901-25-000011:2.02:0")
        #expect(
            Chunk.makeID(accession: accession, documentKey: "EX-99.1", item: "cover", ordinal: 3)
                == "0001999901-25-000011:EX-99.1:cover:3"
        )
    }

    @Test func aCitationEncodedBeforeDocumentTypesDecodesWithTheForm() throws {
        let citation = Citation(
            filing: try Self.filing(),
            section: Section(key: "2.02", title: "Results", charStart: 0, charEnd: 10),
            charStart: 0,
            charEnd: 10
        )
        var object = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(citation)) as? [String: Any]
        )
        #expect(object["documentType"] as? String == "8-K")
        object["documentType"] = nil
        let old = try JSONDecoder().decode(Citation.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(old == citation)
        var exhibit = citation
        exhibit.documentType = "EX-99.1"
        #expect(try JSONDecoder().decode(Citation.self, from: JSONEncoder().encode(exhibit)) == exhibit)
    }
}
