import Chunker
import Embedding
import FilingParser
import Foundation
import SECModel
import Testing

/// The fixtures 10-K chunked for MiniLM: with the model's token budget no chunk exceeds 256 tokens,
/// while plain 1200-character windows do (and would be embedded only in part).
@Suite struct TokenBudgetChunkingTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: EmbedderFactoryTests.model.path), "needs make deps"))
    func miniLMChunksFitTheModel() throws {
        let embedder = try MiniLMEmbedder(directory: EmbedderFactoryTests.model)
        let path = Support.repo.appendingPathComponent(
            "fixtures/edgar/Archives/edgar/data/1999901/000199990125000004/hrsc-20241231.htm"
        )
        let bytes = [UInt8](try Data(contentsOf: path))
        let document = try HTMLFilingParser().parse(bytes, form: .tenK, source: path.path)
        let filing = try ChunkerFixtures.filing()
        let budget = TokenBudget(maxTokens: embedder.maxInputTokens) { embedder.tokenCount($0) }
        let fitted = try FixedWindowChunker(tokenBudget: budget).chunks(of: document, filing: filing)
        let plain = try FixedWindowChunker().chunks(of: document, filing: filing)
        #expect(fitted.allSatisfy { embedder.tokenCount($0.text) <= 256 })
        #expect(plain.contains { embedder.tokenCount($0.text) > 256 })
        #expect(fitted.count >= plain.count)
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
