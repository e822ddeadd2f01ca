import Foundation
import Pipeline
import PipelineConfig
import SECModel
import Testing

/// Exhibits found in filing folders: the document types from each of EDGAR's type sources (and the
/// file-name fallback), selection by type, citations of the exhibit's URL.
@Suite struct ExhibitFolderSourceTests {
    typealias Support = ExhibitTestSupport

    @Test func theFixtureEightKOffersItsPressReleaseTypedByTheIndexHeadersPage() async throws {
        let source = EDGARArchiveSource(root: Support.fixtures)
        let eightK = try await Support.filing("0001999901-25-000011", in: source)
        let documents = try await source.documents(of: eightK)
        #expect(documents.map(\.type) == ["8-K", "EX-99.1"])
        #expect(documents.map(\.isPrimary) == [true, false])
        #expect(documents.map(\.key) == [nil, "EX-99.1"])
        let exhibit = try #require(documents.last)
        #expect(exhibit.fileName == "hrsc-20250424xex99d1.htm")
        #expect(exhibit.typeSource == .indexHeaders)
        #expect(
            exhibit.sourceURL
                == "https://www.sec.gov/Archives/edgar/data/1999901/000199990125000011/hrsc-20250424xex99d1.htm"
        )
        #expect(String(decoding: exhibit.bytes, as: UTF8.self).contains("First Quarter 2025 Financial Results"))
        // The XBRL parts the page lists are not HTML (and not in the folder): left out.
        let tenK = try await Support.filing("0001999901-25-000004", in: source)
        #expect(try await source.documents(of: tenK).map(\.type) == ["10-K"])
    }

    @Test func selectionPicksDocumentsByTypeGlob() async throws {
        func types(_ entries: [String]) async throws -> [String] {
            let source = EDGARArchiveSource(root: Support.fixtures, documents: DocumentSelection(entries))
            let eightK = try await Support.filing("0001999901-25-000011", in: source)
            return try await source.documents(of: eightK).map(\.type)
        }
        #expect(try await types(["primary"]) == ["8-K"])
        #expect(try await types(["EX-99*"]) == ["EX-99.1"])
        #expect(try await types(["primary", "ex-99.?"]) == ["8-K", "EX-99.1"])
        #expect(try await types(["primary", "EX-*"]) == ["8-K", "EX-99.1"])
        #expect(try await types(["primary", "EX-13*"]) == ["8-K"])
        #expect(try await types(["primary", "EX-99"]) == ["8-K"], "a glob matches the whole type")
    }

    @Test func withoutATypeSourceTheFileNameGivesTheType() async throws {
        let root = try Support.treeWithFixtureEightK(omitting: ["0001999901-25-000011-index-headers.html"])
        defer { try? FileManager.default.removeItem(at: root) }
        let source = EDGARArchiveSource(root: root)
        let documents = try await source.documents(of: try await Support.filing("0001999901-25-000011", in: source))
        #expect(documents.map(\.type) == ["8-K", "EX-99.1"])
        #expect(documents.last?.typeSource == .fileName)
    }

    @Test func theFilingIndexPageGivesTheTypeWhenTheHeadersPageIsAbsent() async throws {
        let root = try Support.treeWithFixtureEightK(omitting: ["0001999901-25-000011-index-headers.html"])
        defer { try? FileManager.default.removeItem(at: root) }
        // Beside the folder, in data/{cik}/, as EDGAR serves it; typed EX-99 to tell it from the name.
        let page = """
            <html><body><div id="formDiv"><table class="tableFile" summary="Document Format Files">
            <tr><th scope="col">Seq</th><th scope="col">Description</th><th scope="col">Document</th>
            <th scope="col">Type</th><th scope="col">Size</th></tr>
            <tr><td scope="row">1</td><td scope="row">8-K</td><td scope="row">
            <a href="/ix?doc=/Archives/edgar/data/1999901/000199990125000011/hrsc-20250424.htm">hrsc-20250424.htm</a>
            &nbsp;&nbsp;<span style="color: green">iXBRL</span></td><td scope="row">8-K</td><td scope="row">19591</td></tr>
            <tr class="evenRow"><td scope="row">2</td><td scope="row">PRESS RELEASE</td><td scope="row">
            <a href="/Archives/edgar/data/1999901/000199990125000011/hrsc-20250424xex99d1.htm">hrsc-20250424xex99d1.htm</a>
            </td><td scope="row">EX-99</td><td scope="row">22878</td></tr>
            <tr><td scope="row">&nbsp;</td><td scope="row">Complete submission text file</td><td scope="row">
            <a href="/Archives/edgar/data/1999901/000199990125000011/0001999901-25-000011.txt">0001999901-25-000011.txt</a>
            </td><td scope="row">&nbsp;</td><td scope="row">60000</td></tr>
            </table></div></body></html>
            """
        try Data(page.utf8).write(
            to: root.appendingPathComponent("Archives/edgar/data/1999901/0001999901-25-000011-index.htm")
        )
        let source = EDGARArchiveSource(root: root)
        let documents = try await source.documents(of: try await Support.filing("0001999901-25-000011", in: source))
        #expect(documents.map(\.type) == ["8-K", "EX-99"])
        #expect(documents.last?.typeSource == .indexPage)
        #expect(documents.last?.key == "EX-99")
    }

    @Test func aTypeSourceListingAMissingDocumentSkipsIt() async throws {
        let root = try Support.treeWithFixtureEightK(omitting: ["hrsc-20250424xex99d1.htm"])
        defer { try? FileManager.default.removeItem(at: root) }
        let source = EDGARArchiveSource(root: root)
        let documents = try await source.documents(of: try await Support.filing("0001999901-25-000011", in: source))
        #expect(documents.map(\.type) == ["8-K"])
    }
}
