import EDGARClient
import Foundation
import SECModel
import Testing

@Suite struct RawFilingCacheTests {
    static func temporaryCache() -> RawFilingCache {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("edgar-cache-\(UUID().uuidString)")
        return RawFilingCache(root: root)
    }

    let accession = AccessionNumber("0001999901-25-000004")!

    @Test func roundTripAndCompletion() throws {
        let cache = Self.temporaryCache()
        defer { try? FileManager.default.removeItem(at: cache.root) }
        let body = Array(String(repeating: "Item 1A. Risk Factors ", count: 500).utf8)
        try cache.storeDocument(accession, "hrsc-20241231.htm", bytes: body)
        #expect(try cache.loadDocument(accession, "hrsc-20241231.htm") == body)
        #expect(!cache.isComplete(accession))
        try cache.markComplete(accession, documents: ["hrsc-20241231.htm"])
        #expect(cache.isComplete(accession))
        #expect(cache.completedDocuments(accession) == ["hrsc-20241231.htm"])
        // Compressed on disk.
        let path = cache.root.appendingPathComponent("filings/\(accession.digits)/hrsc-20241231.htm.vdbr").path
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size < body.count / 4)
    }

    @Test func corruptionIsDetected() throws {
        let cache = Self.temporaryCache()
        defer { try? FileManager.default.removeItem(at: cache.root) }
        try cache.storeDocument(accession, "a.htm", bytes: Array("hello hello hello".utf8))
        let url = cache.root.appendingPathComponent("filings/\(accession.digits)/a.htm.vdbr")
        var bytes = try Array(Data(contentsOf: url))
        bytes[12] ^= 0xFF  // raw length
        try Data(bytes).write(to: url)
        #expect {
            try cache.loadDocument(accession, "a.htm")
        } throws: { ($0 as? EDGARError)?.code == .cacheCorrupted }
    }

    @Test(arguments: ["../etc/passwd", "a/b.htm", "", ".hidden", "x y.htm", "%2e%2e", "q?x=1"])
    func unsafeNamesNeverTouchAPath(name: String) {
        let cache = Self.temporaryCache()
        #expect(throws: EDGARError.self) { try cache.storeDocument(accession, name, bytes: [1]) }
        #expect(!FileManager.default.fileExists(atPath: cache.root.path))
    }

    @Test func revalidatedResourcesKeepValidators() throws {
        let cache = Self.temporaryCache()
        defer { try? FileManager.default.removeItem(at: cache.root) }
        let validators = Validators(etag: "\"abc\"", lastModified: "Fri, 14 Feb 2025 21:05:12 GMT")
        try cache.storeResource("submissions/CIK0001999901.json", bytes: [1, 2, 3], validators: validators)
        let loaded = try #require(try cache.loadResource("submissions/CIK0001999901.json"))
        #expect(loaded.bytes == [1, 2, 3])
        #expect(loaded.validators == validators)
        #expect(throws: EDGARError.self) { try cache.loadResource("../x") }
    }
}
