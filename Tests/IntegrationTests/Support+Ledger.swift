import Foundation
import SECDocuments
import VectorStore

extension Support {
    /// A hashing-embedder pipeline over the fixture tree at `root` (default: the bundled fixtures),
    /// chunked at `maxTokens`, written into `directory` as `name`.
    static func ledgerPipeline(
        in directory: URL,
        root: URL = repo.appendingPathComponent("fixtures/edgar"),
        maxTokens: Int = 256,
        name: String = "ledger.toml"
    ) throws -> String {
        let file = directory.appendingPathComponent(name)
        let text = """
            [pipeline]
            name = "ledger"
            [source]
            root = "\(root.path)"
            [chunker]
            max_tokens = \(maxTokens)
            overlap_tokens = 16
            [embedder]
            provider = "hashing"
            dimension = 64
            [store]
            collection = "filings"
            """
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    /// Every chunk of the `filings` collection in `data`: id → text.
    static func storedChunks(in data: URL) async throws -> [String: String] {
        let collection = try LocalStore(root: data).open(collection: "filings")
        let records = await collection.records()
        await collection.close()
        return Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0.chunk.text) })
    }

    /// The ledger of the `filings` collection in `data`.
    static func ledgerEntries(in data: URL) async throws -> [LedgerEntry] {
        let collection = try LocalStore(root: data).open(collection: "filings")
        let entries = try await collection.ingestionLedger().allEntries()
        await collection.close()
        return entries
    }
}
