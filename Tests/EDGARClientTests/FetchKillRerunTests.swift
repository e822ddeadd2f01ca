import EDGARClient
import EDGARTestSupport
import Foundation
import SECModel
import Testing

/// Kill-and-rerun of the real binary.
///
/// Goal: after a SIGKILL at an arbitrary point, a second run requests nothing the first run had
/// completed, and ends with a complete, verified cache.
/// Strategy: a synthetic filer (`SyntheticArchive`) with `filingCount` filings of two documents each
/// (three requests per filing: folder index and two documents); the fake server stops answering
/// after `stallAfterRequests` requests, so the first run can never finish however fast or slow the
/// machine is; the test polls the cache until `killAfterComplete` filings are complete, SIGKILLs the
/// child, snapshots the cache, reruns with an empty request log and a normal server, and compares.
/// With concurrency 2 at most two filings are partial, so 16 answered requests (submissions, the
/// folder listing pages, filings) always leave at least three complete.
/// Invariants: no request of a filing folder that had a COMPLETE marker at the kill; no request of a
/// document already stored at the kill; every filing complete and byte-identical afterwards.
@Suite struct FetchKillRerunTests {
    static let cik = "1999999"
    static let filingCount = 10
    static let killAfterComplete = 3
    static let stallAfterRequests = 16

    @Test func rerunAfterSIGKILLRequestsNothingAlreadyComplete() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "vectordb-kill-\(UUID().uuidString)"
        )
        defer { try? FileManager.default.removeItem(at: scratch) }
        let archive = scratch.appendingPathComponent("archive")
        try SyntheticArchive.write(at: archive, cik: Self.cik, filingCount: Self.filingCount)
        let server = try await FakeEDGARServer.start(root: archive)
        defer { Task { await server.shutdown() } }
        server.stallAfterRequests = Self.stallAfterRequests
        let cacheRoot = scratch.appendingPathComponent("cache")
        let cache = RawFilingCache(root: cacheRoot)
        let arguments = ["--cik", Self.cik, "--rate", "10", "--concurrency", "2", "--cache", cacheRoot.path]
        let indices = Array(0..<Self.filingCount)
        func completeCount() -> Int { indices.filter { cache.isComplete(SyntheticArchive.accession($0)) }.count }

        let first = try FetchBinary(server: server, arguments: arguments, scratch: scratch)
        let reached = try await poll(timeout: .seconds(60)) { completeCount() >= Self.killAfterComplete }
        first.kill()
        let status = await first.wait()
        #expect(reached, "the first run never completed \(Self.killAfterComplete) filings: \(first.stderr)")
        #expect(status == SIGKILL, "the first run was not killed mid-run: \(first.stdout)")

        // What the killed run left behind.
        let complete = Set(indices.filter { cache.isComplete(SyntheticArchive.accession($0)) })
        let stored = Set(
            indices.flatMap { index in
                SyntheticArchive.documents(index).filter {
                    cache.hasDocument(SyntheticArchive.accession(index), $0.name)
                }.map {
                    "/Archives/edgar/data/\(Self.cik)/\(SyntheticArchive.accession(index).folderName)/\($0.name)"
                }
            }
        )
        #expect(complete.count >= Self.killAfterComplete && complete.count < Self.filingCount)

        server.resetLog()
        server.stallAfterRequests = nil
        let second = try await FetchBinary.run(server: server, arguments, scratch: scratch)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("from cache \(complete.count), failed 0, of \(Self.filingCount) selected"))
        let paths = server.requests.map(\.path)
        for index in complete {
            let folder = SyntheticArchive.accession(index).folderName
            #expect(!paths.contains { $0.contains(folder) }, "complete filing \(folder) requested again")
        }
        for path in stored { #expect(!paths.contains(path), "stored document \(path) requested again") }
        #expect(Set(paths).count == paths.count, "a path was requested twice in the rerun: \(paths)")
        for index in indices {
            #expect(cache.isComplete(SyntheticArchive.accession(index)))
            for document in SyntheticArchive.documents(index) {
                #expect(try cache.loadDocument(SyntheticArchive.accession(index), document.name) == document.bytes)
            }
        }
    }
}
