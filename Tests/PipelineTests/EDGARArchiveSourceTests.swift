import Foundation
import Pipeline
import SECModel
import Testing

@Suite struct EDGARArchiveSourceTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/edgar")

    @Test func offersListedFilingsWhosePrimaryDocumentIsPresent() async throws {
        let filings = try await EDGARArchiveSource(root: Self.fixtures).filings()
        let accessions = Set(filings.map(\.metadata.accession.description))
        #expect(accessions == ["0001999901-25-000004", "0001999901-25-000011", "0001999902-25-000007"])
        let tenK = try #require(filings.first { $0.metadata.form == .tenK })
        #expect(tenK.metadata.companyName == "Harbor Ridge Semiconductor, Inc.")
        #expect(tenK.metadata.tickers == ["HRSC"])
        #expect(tenK.metadata.reportDate?.description == "2024-12-31")
        #expect(tenK.metadata.fiscalYear == 2024)
        #expect(
            tenK.metadata.sourceURL
                == "https://www.sec.gov/Archives/edgar/data/1999901/000199990125000004/hrsc-20241231.htm"
        )
    }

    @Test func filtersByFormAndCIK() async throws {
        let forms = try await EDGARArchiveSource(root: Self.fixtures, forms: [.tenQ]).filings()
        #expect(forms.map(\.metadata.form) == [.tenQ])
        let cik = try #require(CIK("1999901"))
        let filer = try await EDGARArchiveSource(root: Self.fixtures, ciks: [cik]).filings()
        #expect(filer.count == 2)
        #expect(filer.allSatisfy { $0.metadata.cik == cik })
    }

    @Test func malformedSubmissionsNameTheFile() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("src-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let submissions = root.appendingPathComponent("submissions")
        try FileManager.default.createDirectory(at: submissions, withIntermediateDirectories: true)
        try Data(#"{"cik": "1999901", "name": "X"}"#.utf8).write(
            to: submissions.appendingPathComponent("CIK0001999901.json")
        )
        do {
            _ = try await EDGARArchiveSource(root: root).filings()
            Issue.record("expected an error")
        } catch {
            #expect(error.stage == .source)
            #expect(error.description.contains("CIK0001999901.json"))
        }
    }

    @Test func missingSubmissionsDirectoryIsReported() async {
        let source = EDGARArchiveSource(root: URL(fileURLWithPath: "/nonexistent-vectordb-root"))
        await #expect(throws: PipelineError.self) { try await source.filings() }
    }
}
