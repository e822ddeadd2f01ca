import EDGARClient
import Foundation
import SECModel
import Testing

/// Kill-and-rerun of the real binary.
///
/// Goal: after a SIGKILL at an arbitrary point, a second run requests nothing the first run had
/// completed, and ends with a complete, verified cache.
/// Strategy: a synthetic filer with `filingCount` filings of two documents each, served slowly
/// (`latencyMilliseconds` per response, rate 10, concurrency 2) so the run lasts ~3 s; the test polls
/// the cache until `killAfterComplete` filings are complete, SIGKILLs the child, snapshots the
/// cache, reruns with an empty request log, and compares.
/// Invariants: no request of a filing folder that had a COMPLETE marker at the kill; no request of a
/// document already stored at the kill; every filing complete and byte-identical afterwards.
@Suite struct FetchKillRerunTests {
    static let cik = "1999999"
    static let filingCount = 10
    static let killAfterComplete = 3

    static func accession(_ index: Int) -> AccessionNumber {
        let sequence = String(index + 1)
        return AccessionNumber("0001999999-25-" + String(repeating: "0", count: 6 - sequence.count) + sequence)!
    }

    static func documents(_ index: Int) -> [(name: String, bytes: [UInt8])] {
        let body =
            "<html><body>Filing \(index) " + String(repeating: "lorem ipsum \(index) ", count: 200) + "</body></html>"
        return [
            ("syn-\(index).htm", Array(body.utf8)),
            ("FilingSummary.xml", Array("<FilingSummary n=\"\(index)\"/>".utf8)),
        ]
    }

    /// Writes submissions JSON and filing folders laid out as EDGAR serves them.
    static func writeArchive(at root: URL) throws {
        let indices = Array(0..<filingCount)
        let columns: [String: Any] = [
            "accessionNumber": indices.map { accession($0).description },
            "filingDate": indices.map { "2025-03-\(10 + $0)" },
            "reportDate": indices.map { _ in "2024-12-31" },
            "acceptanceDateTime": indices.map { "2025-03-\(10 + $0)T16:00:00.000Z" },
            "form": indices.map { _ in "8-K" },
            "items": indices.map { _ in "2.02" },
            "size": indices.map { _ in 5000 },
            "isXBRL": indices.map { _ in 0 },
            "isInlineXBRL": indices.map { _ in 0 },
            "primaryDocument": indices.map { "syn-\($0).htm" },
            "primaryDocDescription": indices.map { _ in "8-K" },
        ]
        let submissions: [String: Any] = [
            "cik": cik, "name": "Synthetic Filer Inc", "tickers": [String](), "exchanges": [String](),
            "filings": ["recent": columns, "files": [Any]()],
        ]
        let submissionsURL = root.appendingPathComponent("submissions/CIK000\(cik).json")
        try FileManager.default.createDirectory(
            at: submissionsURL.deletingLastPathComponent(),
            withIntermediateDirectories: true
        )
        try JSONSerialization.data(withJSONObject: submissions).write(to: submissionsURL)
        for index in indices {
            let folder = root.appendingPathComponent("Archives/edgar/data/\(cik)/\(accession(index).folderName)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let items = documents(index).map { ["name": $0.name, "type": "text.gif", "size": "\($0.bytes.count)"] }
            try JSONSerialization.data(withJSONObject: ["directory": ["item": items]]).write(
                to: folder.appendingPathComponent("index.json")
            )
            for document in documents(index) {
                try Data(document.bytes).write(to: folder.appendingPathComponent(document.name))
            }
        }
    }

    @Test func rerunAfterSIGKILLRequestsNothingAlreadyComplete() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "vectordb-kill-\(UUID().uuidString)"
        )
        defer { try? FileManager.default.removeItem(at: scratch) }
        let archive = scratch.appendingPathComponent("archive")
        try Self.writeArchive(at: archive)
        let server = try await FakeEDGARServer.start(root: archive)
        defer { Task { await server.shutdown() } }
        server.latencyMilliseconds = 40
        let cacheRoot = scratch.appendingPathComponent("cache")
        let cache = RawFilingCache(root: cacheRoot)
        let arguments = ["--cik", Self.cik, "--rate", "10", "--concurrency", "2", "--cache", cacheRoot.path]
        let indices = Array(0..<Self.filingCount)
        func completeCount() -> Int { indices.filter { cache.isComplete(Self.accession($0)) }.count }

        let first = try FetchBinary(server: server, arguments: arguments, scratch: scratch)
        let reached = try await poll { completeCount() >= Self.killAfterComplete }
        first.kill()
        let status = await first.wait()
        #expect(reached, "the first run never completed \(Self.killAfterComplete) filings: \(first.stderr)")
        #expect(status == SIGKILL, "the first run was not killed mid-run: \(first.stdout)")

        // What the killed run left behind.
        let complete = Set(indices.filter { cache.isComplete(Self.accession($0)) })
        let stored = Set(
            indices.flatMap { index in
                Self.documents(index).filter { cache.hasDocument(Self.accession(index), $0.name) }.map {
                    "/Archives/edgar/data/\(Self.cik)/\(Self.accession(index).folderName)/\($0.name)"
                }
            }
        )
        #expect(complete.count >= Self.killAfterComplete && complete.count < Self.filingCount)

        server.resetLog()
        server.latencyMilliseconds = 0
        let second = try await FetchBinary.run(server: server, arguments, scratch: scratch)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("from cache \(complete.count), failed 0, of \(Self.filingCount) selected"))
        let paths = server.requests.map(\.path)
        for index in complete {
            let folder = Self.accession(index).folderName
            #expect(!paths.contains { $0.contains(folder) }, "complete filing \(folder) requested again")
        }
        for path in stored { #expect(!paths.contains(path), "stored document \(path) requested again") }
        #expect(Set(paths).count == paths.count, "a path was requested twice in the rerun: \(paths)")
        for index in indices {
            #expect(cache.isComplete(Self.accession(index)))
            for document in Self.documents(index) {
                #expect(try cache.loadDocument(Self.accession(index), document.name) == document.bytes)
            }
        }
    }
}
