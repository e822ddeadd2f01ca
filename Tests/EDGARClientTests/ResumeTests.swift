import EDGARClient
import Foundation
import SECModel
import Testing

/// Kill-and-rerun: a first run is interrupted part-way (a document fails persistently, as if the
/// process died before finishing that filing); the second run, with a new client on the same cache,
/// requests nothing that the first run completed, and a third run requests nothing at all.
@Suite(.serialized) struct ResumeTests {
    struct Filing {
        var cik: CIK
        var accession: AccessionNumber
        var primary: String
    }

    static let filings = [
        Filing(cik: CIK("1999901")!, accession: AccessionNumber("0001999901-25-000004")!, primary: "hrsc-20241231.htm"),
        Filing(cik: CIK("1999901")!, accession: AccessionNumber("0001999901-25-000011")!, primary: "hrsc-20250424.htm"),
        Filing(cik: CIK("1999902")!, accession: AccessionNumber("0001999902-25-000007")!, primary: "nwfl-20250331.htm"),
    ]

    @Test func secondRunRequestsNothingAlreadyComplete() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("edgar-resume-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = RawFilingCache(root: root)

        // Run 1: the 10-K completes; the 10-Q's document fails every attempt.
        let first = try await ClientHarness.start(attemptsMax: 2)
        let tenQDocument = "/Archives/edgar/data/1999902/000199990225000007/nwfl-20250331.htm"
        first.server.inject(.serviceUnavailable, path: tenQDocument, times: 2)
        let fetcher1 = EDGARFetcher(client: first.client, cache: cache)
        #expect(
            await fetcher1.fetchFiling(
                cik: Self.filings[0].cik,
                accession: Self.filings[0].accession,
                primaryDocument: Self.filings[0].primary
            ) == .fetched(documents: 1, bytes: 53802)
        )
        let failed = await fetcher1.fetchFiling(
            cik: Self.filings[2].cik,
            accession: Self.filings[2].accession,
            primaryDocument: Self.filings[2].primary
        )
        guard case .failed(let error) = failed else {
            Issue.record("expected the 10-Q to fail in run 1")
            return
        }
        #expect(error.code == .retriesExhausted && error.source.hasSuffix(tenQDocument))
        await first.stop()

        // Run 2: a new client and server on the same cache.
        let second = try await ClientHarness.start()
        let fetcher2 = EDGARFetcher(client: second.client, cache: cache)
        var outcomes: [FilingFetchOutcome] = []
        for filing in Self.filings {
            outcomes.append(
                await fetcher2.fetchFiling(
                    cik: filing.cik,
                    accession: filing.accession,
                    primaryDocument: filing.primary
                )
            )
        }
        #expect(outcomes[0] == .fromCache)
        #expect(outcomes[1] == .fetched(documents: 1, bytes: 19591))
        #expect(outcomes[2] == .fetched(documents: 1, bytes: 51697))
        let paths = second.server.requests.map(\.path)
        #expect(!paths.contains { $0.contains("000199990125000004") })
        #expect(paths.filter { $0 == tenQDocument }.count == 1)
        await second.stop()

        // Run 3: everything is complete; nothing is requested.
        let third = try await ClientHarness.start()
        let fetcher3 = EDGARFetcher(client: third.client, cache: cache)
        for filing in Self.filings {
            #expect(
                await fetcher3.fetchFiling(
                    cik: filing.cik,
                    accession: filing.accession,
                    primaryDocument: filing.primary
                ) == .fromCache
            )
        }
        #expect(third.server.requests.isEmpty)
        let stored = try #require(try cache.loadDocument(Self.filings[2].accession, "nwfl-20250331.htm"))
        let original = try TestPaths.fixture("Archives/edgar/data/1999902/000199990225000007/nwfl-20250331.htm").0
        #expect(stored == Array(original))
        await third.stop()
    }

    @Test func submissionsAreRevalidatedWithETag() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("edgar-reval-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let harness = try await ClientHarness.start()
        let fetcher = EDGARFetcher(client: harness.client, cache: RawFilingCache(root: root))
        let cik = CIK("1999901")!
        let first = try await fetcher.submissions(cik)
        let second = try await fetcher.submissions(cik)
        #expect(first.name == second.name)
        #expect(harness.server.requests.map(\.status) == [200, 304])
        await harness.stop()
    }
}
