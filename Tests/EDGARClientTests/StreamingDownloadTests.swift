import EDGARClient
import EDGARTestSupport
import Foundation
import SECModel
import Testing

/// Documents stream to disk: a body far larger than any buffer lands intact in the cache; a body
/// over `bodyBytesMax` stops mid-stream with `bodyTooLarge` naming the URL and the cap, and leaves no
/// file (final or temporary) behind; truncated and gzip-encoded bodies behave as with `get`.
@Suite(.serialized) struct StreamingDownloadTests {
    static let accession = AccessionNumber("0001999901-25-000004")!
    static let mebibyte = 1024 * 1024

    static func cache() -> RawFilingCache {
        RawFilingCache(
            root: FileManager.default.temporaryDirectory.appendingPathComponent("edgar-stream-\(UUID().uuidString)"),
            rawBytesMax: 1024 * mebibyte
        )
    }

    /// Every file under the filing's folder, temporary ones (dot-prefixed) included.
    static func files(_ cache: RawFilingCache) -> [String] {
        let folder = cache.root.appendingPathComponent("filings/\(accession.digits)").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    static func download(
        _ harness: ClientHarness,
        _ path: String,
        name: String,
        into cache: RawFilingCache
    ) async throws -> DownloadResult {
        try await harness.client.download(harness.server.baseURL + path) { () throws(EDGARError) in
            try cache.documentWriter(accession, name)
        }
    }

    /// Tens of mebibytes through a debug build on a loaded 2-core machine can take many seconds; the
    /// deadline must not turn a slow transfer into a retry these tests count.
    static let largeBodyTimeout: Duration = .seconds(120)

    @Test func fiftyMebibyteBodyStreamsIntoTheCacheIntact() async throws {
        let harness = try await ClientHarness.start(
            requestTimeout: Self.largeBodyTimeout,
            bodyBytesMax: 64 * Self.mebibyte
        )
        let cache = Self.cache()
        defer { try? FileManager.default.removeItem(at: cache.root) }
        let size = 50 * Self.mebibyte
        harness.server.serve(GeneratedBody(bytes: size), at: "/big/huge.htm")
        let result = try await Self.download(harness, "/big/huge.htm", name: "huge.htm", into: cache)
        #expect(result.bytes == size && result.attempts == 1)
        #expect(Self.files(cache) == ["huge.htm.vdbr"])
        let stored = try #require(try cache.loadDocument(Self.accession, "huge.htm"))
        #expect(stored.count == size)
        #expect(stored == GeneratedBody.expected(size))
        await harness.stop()
    }

    @Test func bodyOverTheCapStopsMidStreamAndLeavesNoFile() async throws {
        let cap = 8 * Self.mebibyte
        let harness = try await ClientHarness.start(requestTimeout: Self.largeBodyTimeout, bodyBytesMax: cap)
        let cache = Self.cache()
        defer { try? FileManager.default.removeItem(at: cache.root) }
        // No Content-Length: only counting the bytes as they arrive can catch it.
        harness.server.serve(GeneratedBody(bytes: 50 * Self.mebibyte, declaresLength: false), at: "/big/runaway.htm")
        let url = harness.server.baseURL + "/big/runaway.htm"
        await #expect {
            try await Self.download(harness, "/big/runaway.htm", name: "runaway.htm", into: cache)
        } throws: { error in
            let error = error as? EDGARError
            return error?.code == .bodyTooLarge && error?.source == url
                && error?.message.contains("cap of \(cap) bytes") == true
        }
        #expect(Self.files(cache).isEmpty)
        #expect(harness.server.requestCount(path: "/big/runaway.htm") == 1, "bodyTooLarge is not retried")
        // A declared Content-Length over the cap fails before any byte is stored.
        harness.server.serve(GeneratedBody(bytes: 9 * Self.mebibyte), at: "/big/declared.htm")
        await #expect {
            try await Self.download(harness, "/big/declared.htm", name: "declared.htm", into: cache)
        } throws: { ($0 as? EDGARError)?.code == .bodyTooLarge }
        #expect(Self.files(cache).isEmpty)
        await harness.stop()
    }

    @Test func truncatedDocumentIsRetriedAndOnlyTheCompleteBodyLands() async throws {
        let harness = try await ClientHarness.start()
        let cache = Self.cache()
        defer { try? FileManager.default.removeItem(at: cache.root) }
        harness.server.inject(.truncatedBody, path: harness.tenKPath)
        let result = try await Self.download(harness, harness.tenKPath, name: "hrsc-20241231.htm", into: cache)
        #expect(result.bytes == 53802 && result.attempts == 2)
        #expect(Self.files(cache) == ["hrsc-20241231.htm.vdbr"])
        let stored = try #require(try cache.loadDocument(Self.accession, "hrsc-20241231.htm"))
        #expect(stored == Array(try TestPaths.fixture(String(harness.tenKPath.dropFirst())).0))
        await harness.stop()
    }

    @Test func gzipBodiesAreDecompressedWhileStreamingAndCappedAfterDecompression() async throws {
        let cap = 12 * Self.mebibyte
        let harness = try await ClientHarness.start(
            requestTimeout: Self.largeBodyTimeout,
            bodyBytesMax: cap,
            gzip: true
        )
        let cache = Self.cache()
        defer { try? FileManager.default.removeItem(at: cache.root) }
        let size = 10 * Self.mebibyte
        harness.server.serve(GeneratedBody(bytes: size), at: "/big/zipped.htm")
        let result = try await Self.download(harness, "/big/zipped.htm", name: "zipped.htm", into: cache)
        #expect(result.bytes == size)
        #expect(try cache.loadDocument(Self.accession, "zipped.htm") == GeneratedBody.expected(size))
        let fixture = try await harness.client.get(harness.tenKURL)
        #expect(fixture.body.count == 53802)
        // Compresses far below the cap on the wire, exceeds it once inflated.
        harness.server.serve(GeneratedBody(bytes: 40 * Self.mebibyte), at: "/big/bomb.htm")
        await #expect {
            try await Self.download(harness, "/big/bomb.htm", name: "bomb.htm", into: cache)
        } throws: { error in
            let error = error as? EDGARError
            return error?.code == .bodyTooLarge && error?.message.contains("cap of \(cap) bytes") == true
        }
        #expect(Self.files(cache) == ["zipped.htm.vdbr"])
        await harness.stop()
    }
}
