import EDGARClient
import Foundation
import Pipeline
import SECModel
import Testing

@Suite struct EDGARCacheSourceTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/edgar")

    /// A cache as `vectordb fetch --cik 1999901` leaves it when the 10-K completed and the 8-K did not.
    static func makeCache(at root: URL) throws -> RawFilingCache {
        let cache = RawFilingCache(root: root)
        let submissions = try Data(contentsOf: fixtures.appendingPathComponent("submissions/CIK0001999901.json"))
        try cache.storeResource(
            "submissions/CIK0001999901.json",
            bytes: Array(submissions),
            validators: Validators(etag: nil, lastModified: nil)
        )
        let tenK = try #require(AccessionNumber("0001999901-25-000004"))
        let html = try Data(
            contentsOf: fixtures.appendingPathComponent(
                "Archives/edgar/data/1999901/000199990125000004/hrsc-20241231.htm"
            )
        )
        try cache.storeDocument(tenK, "hrsc-20241231.htm", bytes: Array(html))
        try cache.markComplete(tenK, documents: ["hrsc-20241231.htm"])
        let eightK = try #require(AccessionNumber("0001999901-25-000011"))
        try cache.storeDocument(eightK, "hrsc-20250424.htm", bytes: Array("partial".utf8))
        return cache
    }

    @Test func offersCompleteFilingsWithSubmissionsMetadata() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cache-src-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try Self.makeCache(at: root)
        let source = EDGARCacheSource(root: root)
        let filings = try await source.filings()
        #expect(filings.map(\.metadata.accession.description) == ["0001999901-25-000004"])
        let filing = try #require(filings.first)
        #expect(filing.metadata.companyName == "Harbor Ridge Semiconductor, Inc.")
        #expect(filing.metadata.tickers == ["HRSC"])
        #expect(filing.metadata.form == .tenK)
        let documents = try await source.documents(of: filing)
        #expect(documents.map(\.fileName) == ["hrsc-20241231.htm"])
        #expect(documents.first?.bytes.count == 53802)
        #expect(try await EDGARCacheSource(root: root, forms: [.tenQ]).filings().isEmpty)
        #expect(try await EDGARCacheSource(root: root, ciks: [CIK("1999902")!]).filings().isEmpty)
    }

    @Test func anEmptyCacheSaysToFetchFirst() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cache-none-\(UUID().uuidString)")
        await #expect {
            try await EDGARCacheSource(root: root).filings()
        } throws: { error in
            "\(error)".contains("vectordb fetch")
        }
    }
}
