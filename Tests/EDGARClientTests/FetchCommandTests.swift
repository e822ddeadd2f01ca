import EDGARClient
import EDGARTestSupport
import Foundation
import SECModel
import Testing

/// `vectordb fetch` as a user runs it, against the fake EDGAR on 127.0.0.1.
@Suite struct FetchCommandTests {
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vectordb-fetch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let fixtureFilings = [
        ("0001999901-25-000011", "Archives/edgar/data/1999901/000199990125000011/hrsc-20250424.htm"),
        ("0001999901-25-000004", "Archives/edgar/data/1999901/000199990125000004/hrsc-20241231.htm"),
        ("0001999902-25-000007", "Archives/edgar/data/1999902/000199990225000007/nwfl-20250331.htm"),
    ]

    @Test func fetchesTheFixtureFilingsThenServesThemFromCache() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let server = try await FakeEDGARServer.start()
        defer { Task { await server.shutdown() } }
        let cacheRoot = scratch.appendingPathComponent("cache")
        let arguments = [
            "--ticker", "HRSC", "--ticker", "nwfl", "--since", "2025-02-10", "--form", "10-K", "--form", "10-Q",
            "--form", "8-K", "--rate", "10", "--cache", cacheRoot.path,
        ]
        let first = try await FetchBinary.run(server: server, arguments, scratch: scratch)
        // NWFL's 10-K (2025-02-21) and 8-K (2025-04-29) have no folder in the fixtures: they fail with 404.
        #expect(first.status == 1, "\(first.stderr)")
        #expect(first.stdout.contains("fetched 3 (3 documents, 125090 bytes), from cache 0, failed 2, of 5 selected"))
        #expect(first.stdout.contains("failed 0001999902-25-000005 (8-K, CIK 1999902, filed 2025-04-29): httpStatus"))
        #expect(first.stdout.contains("(HTTP 404)"))
        #expect(!first.stderr.contains("filings/s"), "no progress line when stderr is not a terminal")
        #expect(server.requests.allSatisfy { $0.userAgent == FetchBinary.userAgent })
        let cache = RawFilingCache(root: cacheRoot)
        for (accession, path) in Self.fixtureFilings {
            let number = try #require(AccessionNumber(accession))
            #expect(cache.isComplete(number))
            let name = String(path.split(separator: "/").last ?? "")
            let stored = try #require(try cache.loadDocument(number, name))
            #expect(stored == Array(try TestPaths.fixture(path).0))
        }

        // The cache feeds a pipeline (`[source] kind = "edgar-cache"`) without touching EDGAR.
        let pipeline = scratch.appendingPathComponent("cache.toml")
        try Data("[source]\nkind = \"edgar-cache\"\nroot = \"cache\"\n[embedder]\nprovider = \"hashing\"\n".utf8).write(
            to: pipeline
        )
        let ingest = try await FetchBinary.run(
            ["run", pipeline.path, "--data-dir", scratch.appendingPathComponent("data").path],
            scratch: scratch
        )
        #expect(ingest.status == 0, "\(ingest.stderr)")
        // `vectordb fetch` caches primary documents only: no exhibits from the cache.
        #expect(ingest.stdout.contains("3 filings + 0 exhibits, 82 chunks (125090 source bytes)"), "\(ingest.stdout)")

        server.resetLog()
        let second = try await FetchBinary.run(server: server, arguments, scratch: scratch)
        #expect(second.stdout.contains("fetched 0 (0 documents, 0 bytes), from cache 3, failed 2, of 5 selected"))
        let paths = server.requests.map(\.path)
        for (accession, _) in Self.fixtureFilings {
            let folder = accession.replacingOccurrences(of: "-", with: "")
            #expect(!paths.contains { $0.contains(folder) }, "\(folder) requested again")
        }
        // Submissions and tickers were revalidated, not downloaded again.
        #expect(
            server.requests.filter { $0.path.hasPrefix("/submissions/") || $0.path.hasPrefix("/files/") }.allSatisfy {
                $0.status == 304
            }
        )
    }

    @Test func dailyWalkSkipsWeekendsAndToleratesMissingIndexes() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let server = try await FakeEDGARServer.start()
        defer { Task { await server.shutdown() } }
        let result = try await FetchBinary.run(
            server: server,
            ["--daily", "2025-02-13..2025-02-17", "--cik", "1999901", "--form", "10-K", "--rate", "10"],
            scratch: scratch
        )
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("fetched 1 (1 documents, 53802 bytes), from cache 0, failed 0, of 1 selected"))
        #expect(result.stdout.contains("no daily index (holiday or not published): 2025-02-13, 2025-02-17"))
        let indexRequests = server.requests.map(\.path).filter { $0.contains("daily-index") }
        #expect(indexRequests.count == 3)
        #expect(!indexRequests.contains { $0.contains("20250215") || $0.contains("20250216") })
        // The default cache lives under ./data of the working directory.
        let cache = RawFilingCache(root: scratch.appendingPathComponent("data/edgar-cache"))
        #expect(cache.isComplete(try #require(AccessionNumber("0001999901-25-000004"))))
    }

    @Test func refusesToStartWithoutAUserAgent() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let server = try await FakeEDGARServer.start()
        defer { Task { await server.shutdown() } }
        let result = try await FetchBinary.run(server: server, ["--cik", "1999901"], userAgent: nil, scratch: scratch)
        #expect(result.status == 65, "bad input: \(result.stderr)")
        #expect(result.stderr.contains("missingUserAgent"))
        #expect(result.stderr.contains("VECTORDB_EDGAR_USER_AGENT"))
        #expect(server.requests.isEmpty)
        let bad = try await FetchBinary.run(
            server: server,
            ["--cik", "1999901"],
            userAgent: "curl/8.0",
            scratch: scratch
        )
        #expect(bad.status == 65 && bad.stderr.contains("Company Name contact@domain"), "\(bad.stderr)")
        #expect(server.requests.isEmpty)
    }
}
