import EDGARClient
import FilingParser
import Foundation
import Testing

/// EDGAR's document-type sources on the real pages of `../shared/edgar-samples/index-html/`.
@Suite(.enabled(if: ExhibitTestSupport.samplesAvailable, "needs ../shared/edgar-samples"))
struct ExhibitTypeSourceSampleTests {
    static func sample(_ name: String) throws -> [UInt8] {
        let url = ExhibitTestSupport.samples.appendingPathComponent("index-html/\(name)")
        return [UInt8](try #require(FileManager.default.contents(atPath: url.path)))
    }

    @Test func theJPMorganIndexPageTypesEveryDocument() throws {
        let page = try FilingIndexPage.decode(Data(try Self.sample("0000019617-26-000241-index.html")), source: "jpm")
        let types = Dictionary(page.documents.map { ($0.fileName, $0.type) }, uniquingKeysWith: { first, _ in first })
        #expect(types["jpm-20260624.htm"] == "8-K")
        #expect(types["jpmcpressrelease06252026.htm"] == "EX-99.1")
        #expect(types["jpmcpressrelease06252026001.jpg"] == "GRAPHIC")
        #expect(types["jpm-20260624.xsd"] == "EX-101.SCH")
        #expect(types["0000019617-26-000241.txt"] == "")
    }

    /// The CARBO 10-K page names its exhibits in ActiveDisclosure's style (`crr-ex311_7.htm`): the
    /// file-name fallback gives each the type the page states.
    @Test func theFileNameFallbackAgreesWithARealIndexPage() throws {
        let page = try FilingIndexPage.decode(Data(try Self.sample("0001564590-18-004771-index.html")), source: "crr")
        let exhibits = page.documents.filter { $0.type.hasPrefix("EX-") && $0.fileName.hasSuffix(".htm") }
        #expect(exhibits.count == 9)
        for exhibit in exhibits {
            #expect(ExhibitFileName.exhibitType(of: exhibit.fileName) == exhibit.type, "\(exhibit.fileName)")
        }
        #expect(ExhibitFileName.exhibitType(of: "crr-10k_20171231.htm") == nil)
    }

    /// Documents of filings before 2001 have no file names: their rows are left out, the complete
    /// submission's row (no type) stays.
    @Test func aPageOfAnOldFilingListsOnlyTheFullSubmission() throws {
        let page = try FilingIndexPage.decode(Data(try Self.sample("0000912057-00-023442-index.html")), source: "aapl")
        #expect(page.documents.map(\.fileName) == ["0000912057-00-023442.txt"])
        #expect(page.documents.map(\.type) == [""])
    }

    @Test func theIndexHeadersPagesRead() throws {
        let form144 = try IndexHeadersPage.read(
            try Self.sample("0001971857-23-000246-index-headers.html"),
            source: "144"
        )
        #expect(form144.header.accessionNumber == "0001971857-23-000246")
        #expect(form144.documents.map(\.type) == ["144"])
        #expect(form144.documents.map(\.filename) == ["primary_doc.xml"])
        // Saved as the bare SGML header (no <PRE>): read as it is, with no documents.
        let form4 = try IndexHeadersPage.read(try Self.sample("0001062993-24-012217-index-headers.html"), source: "4")
        #expect(form4.header.submissionType == "4")
        #expect(form4.documents.isEmpty)
    }
}
