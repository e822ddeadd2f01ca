import EDGARClient
import Foundation
import Testing

/// The file-name fallback for exhibit types, and the `-index.htm` page decoder.
@Suite struct ExhibitFileNameTests {
    @Test(arguments: [
        ("hrsc-20250424xex99d1.htm", "EX-99.1"),
        ("d828233dex991.htm", "EX-99.1"),
        ("d828969dex41.htm", "EX-41"),
        ("ex99-1.htm", "EX-99.1"),
        ("ex99_2.htm", "EX-99"),
        ("crr-ex311_7.htm", "EX-31.1"),
        ("crr-ex21_12.htm", "EX-21"),
        ("ex99.1.htm", "EX-99.1"),
        ("EX99.htm", "EX-99"),
        ("ex21.htm", "EX-21"),
        ("hrsc-ex31_1.htm", "EX-31"),
        ("aapl-exhibit13.htm", "EX-13"),
        ("ex1016.htm", "EX-10.16"),
        ("exhibit99-2025.htm", "EX-99"),
        ("exxon-20250424xex10d01.htm", "EX-10.1"),
    ])
    func conventionalNamesGiveTheirType(name: String, type: String) {
        #expect(ExhibitFileName.exhibitType(of: name) == type)
    }

    @Test(arguments: [
        "hrsc-20250424.htm", "index.htm", "annex1.htm", "complex2.htm", "R1.htm", "ex.htm", "ex00.htm",
        "0001999901-25-000011.txt", "a10-qexhibit31103292025.htm",
    ])
    func otherNamesGiveNone(name: String) {
        #expect(ExhibitFileName.exhibitType(of: name) == nil)
    }

    @Test func thePrimaryGuessPassesOverAWorkivaExhibit() throws {
        let json = """
            {"directory":{"item":[{"name":"hrsc-20250424.htm","type":"text.gif","size":"19591"},
            {"name":"hrsc-20250424xex99d1.htm","type":"text.gif","size":"22878"}]}}
            """
        #expect(try DirectoryListing.decode(Data(json.utf8), source: "t").primaryGuess == "hrsc-20250424.htm")
    }

    @Test func theFilingIndexPageListsEveryDocumentWithItsType() throws {
        let page = """
            <table class="tableFile" summary="Document Format Files">
            <tr><th scope="col">Seq</th><th>Description</th><th>Document</th><th>Type</th><th>Size</th></tr>
            <tr><td scope="row">1</td><td scope="row">8-K</td><td scope="row">
            <a href="/ix?doc=/Archives/edgar/data/19617/000001961726000241/jpm-20260624.htm">jpm-20260624.htm</a>
            &nbsp;&nbsp;<span style="color: green">iXBRL</span></td><td scope="row">8-K</td><td scope="row">48933</td></tr>
            <tr class="evenRow"><td scope="row">2</td><td scope="row">JPMORGAN CHASE &amp; CO. PRESS RELEASE</td>
            <td scope="row"><a href="/Archives/edgar/data/19617/000001961726000241/jpmc.htm">jpmc.htm</a></td>
            <td scope="row">EX-99.1</td><td scope="row">1000</td></tr>
            <tr><td scope="row">&nbsp;</td><td scope="row">Complete submission text file</td>
            <td scope="row"><a href="/Archives/edgar/data/19617/000001961726000241/0000019617-26-000241.txt">0000019617-26-000241.txt</a></td>
            <td scope="row">&nbsp;</td><td scope="row">680336</td></tr>
            </table>
            """
        let decoded = try FilingIndexPage.decode(Data(page.utf8), source: "page")
        #expect(decoded.documents.map(\.fileName) == ["jpm-20260624.htm", "jpmc.htm", "0000019617-26-000241.txt"])
        #expect(decoded.documents.map(\.type) == ["8-K", "EX-99.1", ""])
        #expect(decoded.documents.map(\.sequence) == [1, 2, nil])
        #expect(decoded.documents[1].description == "JPMORGAN CHASE & CO. PRESS RELEASE")
        #expect(decoded.documents[0].sizeBytes == 48933)
        #expect(throws: EDGARError.self) { try FilingIndexPage.decode(Data("<html></html>".utf8), source: "x") }
    }
}
