import EDGARClient
import Foundation
import SECModel
import Testing

@Suite struct SubmissionsResponseTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func decodesTheFixtureFilers() throws {
        for (file, cik) in [("CIK0001999901.json", "1999901"), ("CIK0001999902.json", "1999902")] {
            let path = Self.repo.appendingPathComponent("fixtures/edgar/submissions/\(file)").path
            let data = try #require(FileManager.default.contents(atPath: path))
            let response = try SubmissionsResponse.decode(data, source: path)
            #expect(response.cik.description == cik)
            let records = try response.filings.recent.records(source: path)
            #expect(records.count >= 3)
            #expect(records.contains { $0.form == .tenK || $0.form == .tenQ })
        }
    }

    @Test func namesTheMissingField() {
        let json = Data(#"{"cik":"320193","name":"Apple Inc.","tickers":[],"exchanges":[]}"#.utf8)
        do {
            _ = try SubmissionsResponse.decode(json, source: "https://data.sec.gov/submissions/CIK0000320193.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .malformedResponse)
            #expect(error.description.contains("filings"))
            #expect(error.description.contains("CIK0000320193.json"))
        }
    }

    @Test func rejectsColumnsOfDifferentLengths() throws {
        let json = Data(
            #"""
            {"accessionNumber":["0000320193-23-000079","0000320193-23-000078"],"filingDate":["2023-08-08"],
             "reportDate":[""],"acceptanceDateTime":[""],"form":["4"],"items":[""],"size":[1],"isXBRL":[0],
             "isInlineXBRL":[0],"primaryDocument":["x.xml"],"primaryDocDescription":[""]}
            """#.utf8
        )
        let columns = try FilingColumns.decodePage(json, source: "page.json")
        #expect(throws: EDGARError.self) { try columns.records(source: "page.json") }
    }
}

/// Runs when `../shared/edgar-samples` is present (CI has it).
@Suite(.enabled(if: FileManager.default.fileExists(atPath: SampleSubmissions.root)))
struct SampleSubmissionsTests {
    @Test func decodesAppleSubmissionsAndItsExtraPage() throws {
        let path = SampleSubmissions.root + "/CIK0000320193.json"
        let data = try #require(FileManager.default.contents(atPath: path))
        let response = try SubmissionsResponse.decode(data, source: path)
        #expect(response.name == "Apple Inc.")
        #expect(response.tickers.contains("AAPL"))
        let records = try response.filings.recent.records(source: path)
        #expect(records.count > 100)
        #expect(records.contains { $0.form == .tenK && $0.isInlineXBRL })
        let page = try #require(response.filings.files.first)
        #expect(page.name == "CIK0000320193-submissions-001.json")
        let pagePath = SampleSubmissions.root + "/" + page.name
        let pageData = try #require(FileManager.default.contents(atPath: pagePath))
        let older = try FilingColumns.decodePage(pageData, source: pagePath).records(source: pagePath)
        #expect(older.count == page.filingCount)
        #expect(older.allSatisfy { $0.filingDate >= page.filingFrom && $0.filingDate <= page.filingTo })
    }
}

enum SampleSubmissions {
    static let root = SubmissionsResponseTests.repo.deletingLastPathComponent()
        .appendingPathComponent("shared/edgar-samples/api/submissions").path
}
