import EDGARTestSupport
import Foundation
import Pipeline
import PipelineConfig
import Testing
import VectorStore

/// End to end against the fake EDGAR on 127.0.0.1 (fixtures/edgar at sec.gov's paths): a
/// `kind = "edgar"` pipeline selects from the submissions, fetches, parses, chunks, embeds and
/// stores in one run; a second run fetches and parses nothing.
@Suite(.serialized) struct EDGARPipelineTests {
    static let selection = """
        ciks = [1999901]
        tickers = ["NWFL"]
        forms = ["10-K", "10-Q", "8-K"]
        since = "2025-02-10"
        """
    /// The three fixture filings with documents after 2025-02-10: HRSC's 10-K and 8-K (with its
    /// EX-99.1), NWFL's 10-Q.
    static let present: Set<String> = ["0001999901-25-000004", "0001999901-25-000011", "0001999902-25-000007"]
    /// NWFL's 8-K and 10-K, listed in its submissions, whose documents the fixtures lack.
    static let absent: Set<String> = ["0001999902-25-000005", "0001999902-25-000002"]

    @Test func fetchesAndIngestsInOneRunThenARerunFetchesAndParsesNothing() async throws {
        let server = try await FakeEDGARServer.start()
        let scratch = ExhibitTestSupport.scratch("edgar-e2e")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let data = scratch.appendingPathComponent("data")
        let definition = try EDGARPipelineSupport.definition(
            server: server,
            cache: scratch.appendingPathComponent("cache"),
            sourceKeys: Self.selection
        )

        let first = try await EDGARPipelineSupport.run(definition, data: data)
        #expect(first.filingsIngested == 3)
        #expect(first.exhibitsIngested == 1, "the 8-K's EX-99.1, fetched because documents selects EX-99*")
        #expect(Set(first.failures.map(\.accession)) == Self.absent)
        #expect(first.failures.allSatisfy { $0.reason.contains("404") }, "\(first.failures.map(\.reason))")
        #expect(first.chunksWritten > 0 && first.collectionCount == first.chunksWritten)
        let counts = try await LedgerTestSupport.countsPerAccession(in: data)
        #expect(Set(counts.keys) == Self.present)
        let chunks = try await LedgerTestSupport.chunks(in: data)
        #expect(chunks.keys.contains { $0.contains("EX-99.1") }, "exhibit chunks carry the exhibit's key")
        let paths = Set(server.requests.map(\.path))
        #expect(paths.contains("/Archives/edgar/data/1999901/000199990125000011/hrsc-20250424xex99d1.htm"))
        #expect(
            paths.contains("/Archives/edgar/data/1999901/000199990125000011/0001999901-25-000011-index-headers.html")
        )
        #expect(paths.contains("/files/company_tickers.json"), "NWFL resolved through the ticker list")
        #expect(server.requests.allSatisfy { $0.userAgent == EDGARPipelineSupport.userAgent })

        server.resetLog()
        let second = try await EDGARPipelineSupport.run(definition, data: data)
        #expect(second.filingsUnchanged == 3)
        #expect(second.filingsIngested == 0 && second.documentsParsed == 0 && second.chunksWritten == 0)
        let refetched = EDGARPipelineSupport.filingRequests(server).filter { request in
            Self.present.contains { request.path.contains(String($0.filter(\.isNumber))) }
        }
        #expect(refetched.isEmpty, "cached filings are not requested again: \(refetched.map(\.path))")
        let fresh = server.requests.filter { $0.status == 200 }
        #expect(fresh.isEmpty, "the ticker list and submissions revalidate with 304: \(fresh.map(\.path))")
        #expect(try await LedgerTestSupport.countsPerAccession(in: data) == counts)
        await server.shutdown()
    }

    @Test func missingUserAgentFailsBeforeAnyRequest() async throws {
        let server = try await FakeEDGARServer.start()
        let scratch = ExhibitTestSupport.scratch("edgar-agent")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var definition = try EDGARPipelineSupport.definition(
            server: server,
            cache: scratch.appendingPathComponent("cache"),
            sourceKeys: Self.selection
        )
        definition.source.edgar?.userAgent = nil
        do {
            _ = try makeFilingSource(definition.source, file: definition.file, dataRoot: scratch, environment: [:])
            Issue.record("a missing User-Agent must be refused")
        } catch {
            #expect(error.category == .badInput)
            #expect(
                error.description
                    == "source stage (/tmp/edgar-e2e.toml): /tmp/edgar-e2e.toml: key 'source.user_agent': the SEC "
                    + "requires a declared User-Agent: set user_agent = \"Company Name contact@domain\" (or \"${VAR}\") "
                    + "in [source], or VECTORDB_EDGAR_USER_AGENT"
            )
        }
        definition.source.edgar?.userAgent = "nobody"
        #expect(throws: PipelineError.self) {
            try makeFilingSource(definition.source, file: definition.file, dataRoot: scratch, environment: [:])
        }
        #expect(server.requests.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("collections").path))
        await server.shutdown()
    }
}
