import Chunker
import Embedding
import FilingParser
import Foundation
import SECModel
import Testing

/// The chunker's invariants (`ChunkInvariants`) on the fixtures and on every sample filing in
/// `$EDGAR_SAMPLES/html/`, else `../shared/edgar-samples/html/` (when that folder exists), counted
/// with the real MiniLM WordPiece tokenizer when `.models/` is present and with
/// `ApproximateTokenCounter` always.
@Suite struct ChunkPropertyTests {
    static let fixtureFilings = [
        "fixtures/edgar/Archives/edgar/data/1999901/000199990125000004/hrsc-20241231.htm"
    ]

    static var fixtures: [String] {
        let root = Support.repo.appendingPathComponent("fixtures/edgar/Archives").path
        let paths = FileManager.default.subpaths(atPath: root) ?? []
        return paths.filter { $0.hasSuffix(".htm") }.sorted().map { root + "/" + $0 }
    }

    /// The sample HTML filings: under `$EDGAR_SAMPLES` when set (a worktree outside the repo's
    /// folder), else `../shared/edgar-samples`.
    static var samples: [String] {
        let samples =
            ProcessInfo.processInfo.environment["EDGAR_SAMPLES"].flatMap { $0.isEmpty ? nil : $0 }
            ?? Support.repo.deletingLastPathComponent().appendingPathComponent("shared/edgar-samples").path
        let root = samples + "/html"
        let paths = FileManager.default.subpaths(atPath: root) ?? []
        return paths.filter { $0.hasSuffix(".htm") || $0.hasSuffix(".html") }.sorted().map { root + "/" + $0 }
    }

    static let miniLM: MiniLMEmbedder? = try? MiniLMEmbedder(directory: EmbedderFactoryTests.model)

    static func counters() -> [any TokenCounter] {
        [ApproximateTokenCounter()] + (miniLM.map { [$0] } ?? [])
    }

    static func check(_ path: String, maxTokens: Int = 256, overlapTokens: Int = 32) throws {
        let data = try #require(FileManager.default.contents(atPath: path))
        let document = try HTMLFilingParser().parse([UInt8](data), form: nil, source: path)
        let filing = try ChunkerFixtures.filing()
        for counter in counters() {
            let chunker = try SectionChunker(maxTokens: maxTokens, overlapTokens: overlapTokens, counter: counter)
            let chunks = chunker.chunks(of: document, filing: filing)
            #expect(!chunks.isEmpty)
            let violations = ChunkInvariants(document: document, chunker: chunker).violations(chunks)
            #expect(violations.isEmpty, "\(path) (\(type(of: counter))): \(violations.prefix(5))")
            #expect(chunker.chunks(of: document, filing: filing) == chunks, "\(path): not deterministic")
            // Chunks are reasonably full: most text is in chunks of more than a third of the limit.
            let tokens = chunks.map(\.tokenCount)
            let inLarge = tokens.filter { $0 > maxTokens / 3 }.reduce(0, +)
            #expect(Double(inLarge) >= 0.8 * Double(tokens.reduce(0, +)), "\(path): many small chunks")
        }
    }

    @Test(arguments: fixtures)
    func fixtureFilingsKeepEveryInvariant(_ path: String) throws {
        try Self.check(path)
        try Self.check(path, maxTokens: 64, overlapTokens: 8)
    }

    @Test(.enabled(if: !samples.isEmpty, "needs ../shared/edgar-samples"), arguments: samples)
    func sampleFilingsKeepEveryInvariant(_ path: String) throws {
        try Self.check(path)
    }

    @Test(.enabled(if: miniLM != nil, "needs make deps"))
    func miniLMReadsEveryTokenOfEveryFixtureChunk() throws {
        let embedder = try #require(Self.miniLM)
        let path = Support.repo.appendingPathComponent(Self.fixtureFilings[0]).path
        let data = try #require(FileManager.default.contents(atPath: path))
        let document = try HTMLFilingParser().parse([UInt8](data), form: .tenK, source: path)
        let chunks = try SectionChunker(counter: embedder).chunks(of: document, filing: try ChunkerFixtures.filing())
        #expect(
            chunks.allSatisfy { embedder.tokenIDs($0.embeddingInput).count == embedder.tokenCount($0.embeddingInput) }
        )
        #expect(chunks.allSatisfy { $0.tokenCount <= embedder.maxInputTokens })
    }
}

enum ChunkerFixtures {
    static func filing() throws -> FilingMetadata {
        let cik = try #require(CIK("1999901"))
        let accession = try #require(AccessionNumber("0001999901-25-000004"))
        return FilingMetadata(
            cik: cik,
            companyName: "Harbor Ridge Semiconductor, Inc.",
            tickers: ["HRSC"],
            form: .tenK,
            accession: accession,
            filingDate: try #require(EDGARDate("2025-02-14")),
            reportDate: EDGARDate("2024-12-31"),
            primaryDocument: "hrsc-20241231.htm",
            sourceURL: FilingMetadata.archiveURL(cik: cik, accession: accession, fileName: "hrsc-20241231.htm")
        )
    }
}
