import EDGARClient
import EDGARTestSupport
import Foundation
import SECModel
import Testing

/// Benchmarks for BENCHMARKS.md, run by `scripts/bench-edgar.sh` (`VECTORDB_BENCH=1`); skipped otherwise.
///
/// Goal: the sustained request rate the SEC would see from `vectordb fetch` at `--rate 10`, the
/// largest number of requests in any one-second window, and the cost of a cache hit.
/// Strategy: the real binary fetches a synthetic filer (`SyntheticArchive`, 67 filings, 202 requests)
/// from the fake server with concurrency 16; rates come from the server's arrival timestamps. The
/// cache hit cost is measured in-process: verified reads (`loadDocument`: read, CRC-32C, zstd) of
/// every cached document, repeated.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["VECTORDB_BENCH"] != nil), .serialized)
struct EDGARBenchmarks {
    static let filingCount = 67
    static let cik = "1999999"

    /// The largest number of arrivals in any half-open window `[t, t + 1 s)`.
    static func maxPerSecondWindow(_ arrivals: [ContinuousClock.Instant]) -> Int {
        let sorted = arrivals.sorted()
        var best = 0
        var end = 0
        for start in sorted.indices {
            while end < sorted.count, sorted[end] < sorted[start] + .seconds(1) { end += 1 }
            best = max(best, end - start)
        }
        return best
    }

    @Test func sustainedRateAndCacheHitCost() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "vectordb-bench-\(UUID().uuidString)"
        )
        defer { try? FileManager.default.removeItem(at: scratch) }
        let archive = scratch.appendingPathComponent("archive")
        try SyntheticArchive.write(at: archive, cik: Self.cik, filingCount: Self.filingCount)
        let server = try await FakeEDGARServer.start(root: archive)
        defer { Task { await server.shutdown() } }
        let cacheRoot = scratch.appendingPathComponent("cache")
        let run = try await FetchBinary.run(
            server: server,
            ["--cik", Self.cik, "--rate", "10", "--concurrency", "16", "--cache", cacheRoot.path],
            scratch: scratch
        )
        #expect(run.status == 0, "\(run.stderr)")
        let arrivals = server.requests.map(\.arrival)
        let span = try #require(arrivals.max()) - (try #require(arrivals.min()))
        let sustained = Double(arrivals.count - 1) / FetchProgress.seconds(span)
        let windowMax = Self.maxPerSecondWindow(arrivals)
        print("BENCH binary: \(FetchBinary.path)")
        print("BENCH requests: \(arrivals.count) in \(String(format: "%.3f", FetchProgress.seconds(span))) s")
        print("BENCH sustained rate: \(String(format: "%.3f", sustained)) req/s at --rate 10")
        print("BENCH max requests in any 1-second window: \(windowMax)")
        #expect(windowMax <= 10)
        #expect(sustained >= 9.0 && sustained <= 10.0)

        let cache = RawFilingCache(root: cacheRoot)
        let keys = (0..<Self.filingCount).flatMap { index in
            SyntheticArchive.documents(index).map { (SyntheticArchive.accession(index), $0.name, $0.bytes.count) }
        }
        let rounds = 20
        var bytes = 0
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for _ in 0..<rounds {
                for (accession, name, _) in keys { bytes += try cache.loadDocument(accession, name)?.count ?? 0 }
            }
        }
        let reads = rounds * keys.count
        let microsPerRead = FetchProgress.seconds(elapsed) * 1e6 / Double(reads)
        let completeElapsed = clock.measure {
            for _ in 0..<rounds {
                for index in 0..<Self.filingCount { _ = cache.isComplete(SyntheticArchive.accession(index)) }
            }
        }
        let microsPerCheck = FetchProgress.seconds(completeElapsed) * 1e6 / Double(rounds * Self.filingCount)
        let averageBytes = keys.map(\.2).reduce(0, +) / keys.count
        print(
            "BENCH cache hit: \(String(format: "%.1f", microsPerRead)) us per document read (\(reads) reads, mean \(averageBytes) bytes, \(bytes) bytes total)"
        )
        // A realistic primary document: the fixture 10-K (53,802 bytes of HTML).
        let tenK = try TestPaths.fixture("Archives/edgar/data/1999901/000199990125000004/hrsc-20241231.htm").0
        let accession = try #require(AccessionNumber("0001999901-25-000004"))
        try cache.storeDocument(accession, "hrsc-20241231.htm", bytes: Array(tenK))
        let largeReads = 500
        let largeElapsed = try clock.measure {
            for _ in 0..<largeReads { bytes += try cache.loadDocument(accession, "hrsc-20241231.htm")?.count ?? 0 }
        }
        let microsPerLarge = FetchProgress.seconds(largeElapsed) * 1e6 / Double(largeReads)
        print(
            "BENCH cache hit, 53802-byte 10-K: \(String(format: "%.1f", microsPerLarge)) us per read (\(largeReads) reads)"
        )
        print("BENCH complete-filing check: \(String(format: "%.1f", microsPerCheck)) us per filing")
    }
}
