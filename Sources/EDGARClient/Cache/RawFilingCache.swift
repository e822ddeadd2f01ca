import Foundation
import SECModel

#if canImport(Glibc)
import Glibc
#endif

/// The raw filing cache on local disk: the source of truth for re-processing without EDGAR.
///
/// Layout under `root`:
/// - `filings/{accession digits}/{document}.vdbr` — one `CacheRecord` per document.
/// - `filings/{accession digits}/COMPLETE` — written last, listing the documents; a filing with this
///   marker is never requested again.
/// - `resources/{key}.vdbr` and `resources/{key}.validators.json` — revalidated resources
///   (submissions JSON, index files) with their ETag / Last-Modified.
///
/// Every write goes to a temporary file in the same directory, is flushed, then renamed over the
/// final name, so a crash leaves either the old file or the new one, never a torn one; a stray
/// temporary file is ignored. Every read verifies length and CRC-32C. Names are validated with
/// `SafeName` before they touch a path.
public struct RawFilingCache: Sendable {
    public let root: URL
    /// Largest raw body a record may declare, in bytes.
    public let rawBytesMax: Int

    public init(root: URL, rawBytesMax: Int = 512 * 1024 * 1024) {
        self.root = root
        self.rawBytesMax = rawBytesMax
    }

    // MARK: Filings

    func filingDirectory(_ accession: AccessionNumber) -> URL {
        root.appendingPathComponent("filings").appendingPathComponent(accession.digits)
    }

    func documentURL(_ accession: AccessionNumber, _ name: String) throws(EDGARError) -> URL {
        filingDirectory(accession).appendingPathComponent(try SafeName.validated(name, what: "document name") + ".vdbr")
    }

    /// `true` when every document of the filing is stored and the completion marker was written.
    public func isComplete(_ accession: AccessionNumber) -> Bool {
        FileManager.default.fileExists(atPath: filingDirectory(accession).appendingPathComponent("COMPLETE").path)
    }

    /// The document names recorded in the completion marker, or `nil` when the filing is incomplete.
    public func completedDocuments(_ accession: AccessionNumber) -> [String]? {
        let marker = filingDirectory(accession).appendingPathComponent("COMPLETE")
        guard let data = FileManager.default.contents(atPath: marker.path) else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// `true` when a verified-on-read record exists for the document (not verified here).
    public func hasDocument(_ accession: AccessionNumber, _ name: String) -> Bool {
        guard let url = try? documentURL(accession, name) else { return false }
        return FileManager.default.fileExists(atPath: url.path)
    }

    /// Stores one document atomically.
    public func storeDocument(_ accession: AccessionNumber, _ name: String, bytes: [UInt8]) throws(EDGARError) {
        try writeAtomically(try CacheRecord.encode(bytes), to: try documentURL(accession, name))
    }

    /// Opens a streaming writer for one document; `commit` puts it in place atomically.
    public func documentWriter(_ accession: AccessionNumber, _ name: String) throws(EDGARError) -> CacheRecordWriter {
        try CacheRecordWriter(destination: try documentURL(accession, name))
    }

    /// Loads and verifies one document; `nil` when absent.
    ///
    /// - Throws: `EDGARError.cacheCorrupted` when the record fails a check.
    public func loadDocument(_ accession: AccessionNumber, _ name: String) throws(EDGARError) -> [UInt8]? {
        let url = try documentURL(accession, name)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try CacheRecord.decode(Array(data), path: url.path, rawBytesMax: rawBytesMax)
    }

    /// Marks a filing complete; call only after every listed document was stored.
    public func markComplete(_ accession: AccessionNumber, documents: [String]) throws(EDGARError) {
        for name in documents { _ = try SafeName.validated(name, what: "document name") }
        let marker = filingDirectory(accession).appendingPathComponent("COMPLETE")
        try writeAtomically(Array(documents.joined(separator: "\n").utf8), to: marker)
    }

    // MARK: Revalidated resources

    func resourceURL(_ key: String, suffix: String) throws(EDGARError) -> URL {
        var url = root.appendingPathComponent("resources")
        for part in try SafeName.validatedKey(key) { url.appendPathComponent(part) }
        return url.deletingLastPathComponent().appendingPathComponent(url.lastPathComponent + suffix)
    }

    /// Stores a revalidated resource and its validators.
    public func storeResource(_ key: String, bytes: [UInt8], validators: Validators) throws(EDGARError) {
        try writeAtomically(try CacheRecord.encode(bytes), to: try resourceURL(key, suffix: ".vdbr"))
        let encoded: Data
        do {
            encoded = try JSONEncoder().encode(validators)
        } catch {
            throw EDGARError(code: .io, source: key, message: "cannot encode validators", cause: "\(error)")
        }
        try writeAtomically(Array(encoded), to: try resourceURL(key, suffix: ".validators.json"))
    }

    /// Loads a resource and its validators; `nil` when absent.
    public func loadResource(_ key: String) throws(EDGARError) -> (bytes: [UInt8], validators: Validators)? {
        let bodyURL = try resourceURL(key, suffix: ".vdbr")
        guard let data = FileManager.default.contents(atPath: bodyURL.path) else { return nil }
        let bytes = try CacheRecord.decode(Array(data), path: bodyURL.path, rawBytesMax: rawBytesMax)
        let validatorsURL = try resourceURL(key, suffix: ".validators.json")
        let validators = FileManager.default.contents(atPath: validatorsURL.path).flatMap {
            try? JSONDecoder().decode(Validators.self, from: $0)
        }
        return (bytes, validators ?? Validators(etag: nil, lastModified: nil))
    }

    // MARK: Atomic writes

    /// A fresh temporary name next to `url`; a leading dot keeps it out of listings and `SafeName`.
    static func temporaryURL(for url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        )
    }

    private func writeAtomically(_ bytes: [UInt8], to url: URL) throws(EDGARError) {
        let directory = url.deletingLastPathComponent()
        let temporary = Self.temporaryURL(for: url)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                throw EDGARError(code: .io, source: temporary.path, message: "cannot create temporary file")
            }
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try handle.write(contentsOf: bytes)
            try handle.synchronize()
        } catch let error as EDGARError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw EDGARError(code: .io, source: url.path, message: "write failed", cause: "\(error)")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw EDGARError(code: .io, source: url.path, message: "rename failed: \(reason)")
        }
    }
}
