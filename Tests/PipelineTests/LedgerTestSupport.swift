import Foundation
import Pipeline
import PipelineConfig
import SECDocuments
import SECModel
import VectorStore

/// Pipelines, scratch trees and collection contents for the ledger suites.
enum LedgerTestSupport {
    static let collection = "filings"
    /// The fixture 10-K of HRSC (its primary document is the one the fault tests corrupt).
    static let tenK = "0001999901-25-000004"
    static let tenKDocument = "Archives/edgar/data/1999901/000199990125000004/hrsc-20241231.htm"

    /// An offline pipeline over `root` with the hashing embedder, chunked at `maxTokens`.
    static func definition(root: URL, maxTokens: Int = 256) throws -> PipelineDefinition {
        try PipelineDefinition.parse(
            """
            [source]
            root = "\(root.path)"
            [chunker]
            max_tokens = \(maxTokens)
            overlap_tokens = 16
            [embedder]
            provider = "hashing"
            dimension = 64
            [store]
            collection = "\(collection)"
            """,
            file: "/tmp/ledger.toml"
        )
    }

    /// Runs `definition` into `data` through an engine of its own, shut down afterwards.
    static func run(
        _ definition: PipelineDefinition,
        data: URL,
        _ options: RunOptions = RunOptions()
    ) async throws -> RunReport {
        let engine = StoreEngine(root: data)
        do {
            let report = try await PipelineRunner.make(definition: definition, engine: engine).run(options)
            await engine.shutdown()
            return report
        } catch {
            await engine.shutdown()
            throw error
        }
    }

    /// Every stored chunk: id → text.
    static func chunks(in data: URL) async throws -> [String: String] {
        let collection = try LocalStore(root: data).open(collection: collection)
        let records = await collection.records()
        await collection.close()
        return Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0.chunk.text) })
    }

    /// Stored chunks per accession number.
    static func countsPerAccession(in data: URL) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for id in try await chunks(in: data).keys { counts[String(id.prefix(20)), default: 0] += 1 }
        return counts
    }

    /// The ledger entries of the collection in `data`, by key.
    static func ledger(in data: URL) async throws -> [String: LedgerEntry] {
        let collection = try LocalStore(root: data).open(collection: collection)
        let entries = try await collection.ingestionLedger().allEntries()
        await collection.close()
        return Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0) })
    }

    /// A copy of the bundled fixture tree in a scratch directory.
    static func fixtureCopy(_ label: String) throws -> URL {
        let root = ExhibitTestSupport.scratch(label)
        try FileManager.default.copyItem(at: ExhibitTestSupport.fixtures, to: root)
        return root
    }

    /// `count` bytes from a seeded SplitMix64 generator: a "document" no parser can read.
    static func randomBytes(count: Int, seed: UInt64) -> Data {
        var state = seed &+ 0x9E37_79B9_7F4A_7C15
        var bytes = [UInt8]()
        bytes.reserveCapacity(count)
        while bytes.count < count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            for shift in stride(from: 0, to: 64, by: 8) where bytes.count < count {
                bytes.append(UInt8(truncatingIfNeeded: z >> shift))
            }
        }
        return Data(bytes)
    }

    /// Every file under `data` except the run records: relative path → contents.
    static func files(in data: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let paths = FileManager.default.subpaths(atPath: data.path) ?? []
        for path in paths where !path.contains("/\(IngestionLedger.runsDirectory)/") {
            var isDirectory: ObjCBool = false
            let url = data.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            files[path] = try Data(contentsOf: url)
        }
        return files
    }
}
