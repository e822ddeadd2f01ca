import FilingParser
import Foundation
import Testing

/// `{accession}-index-headers.html`: the SEC header and each document's type and file name, read
/// with the full-submission reader.
@Suite struct IndexHeadersPageTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theFixturePageListsTheEightKAndItsExhibits() throws {
        let path = Self.repo.appendingPathComponent(
            "fixtures/edgar/Archives/edgar/data/1999901/000199990125000011/0001999901-25-000011-index-headers.html"
        ).path
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let submission = try IndexHeadersPage.read([UInt8](bytes), source: path)
        #expect(submission.header.accessionNumber == "0001999901-25-000011")
        #expect(submission.header.submissionType == "8-K")
        #expect(submission.header.parties.first?.companyName == "Harbor Ridge Semiconductor, Inc.")
        #expect(submission.documents.map(\.type) == ["8-K", "EX-99.1", "EX-101.SCH", "EX-101.LAB", "EX-101.PRE"])
        #expect(submission.documents.map(\.sequence) == [1, 2, 3, 4, 5])
        #expect(submission.documents[1].filename == "hrsc-20250424xex99d1.htm")
        #expect(submission.documents[1].description == "PRESS RELEASE DATED APRIL 24, 2025")
    }

    @Test func aPageWithoutPreIsReadAsSGML() throws {
        let raw =
            "<SEC-HEADER>x.hdr.sgml : 20250424\nACCESSION NUMBER:\t0001999901-25-000011\n</SEC-HEADER>\n"
            + "<DOCUMENT>\n<TYPE>EX-99.1\n<FILENAME>a.htm\n<TEXT>\n</TEXT>\n</DOCUMENT>\n"
        let submission = try IndexHeadersPage.read(Array(raw.utf8), source: "raw")
        #expect(submission.documents.map(\.type) == ["EX-99.1"])
        #expect(throws: ParseError.self) {
            try IndexHeadersPage.read(Array("<html><body><pre>nothing</pre></body></html>".utf8), source: "p")
        }
    }
}
