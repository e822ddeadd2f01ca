import EDGARTestSupport
import Foundation
import Pipeline
import PipelineConfig
import VectorStore

/// `kind = "edgar"` pipelines pointed at a fake EDGAR on 127.0.0.1, with the hashing embedder.
enum EDGARPipelineSupport {
    static let userAgent = "VectorDB Tests tests@vectordb.example"

    /// A pipeline fetching from `server` into the raw cache `cache`; `sourceKeys` are extra `[source]`
    /// lines (the selection), `extra` further tables.
    static func definition(
        server: FakeEDGARServer,
        cache: URL,
        sourceKeys: String,
        extra: String = "",
        name: String = "edgar-e2e"
    ) throws -> PipelineDefinition {
        try PipelineDefinition.parse(
            """
            [pipeline]
            name = "\(name)"
            [source]
            kind = "edgar"
            \(sourceKeys)
            user_agent = "${TEST_EDGAR_AGENT}"
            www_base_url = "\(server.baseURL)"
            data_base_url = "\(server.baseURL)"
            cache_dir = "\(cache.path)"
            rate = 10
            cool_down_seconds = 1
            attempts_max = 2
            [chunker]
            max_tokens = 256
            overlap_tokens = 16
            [embedder]
            provider = "hashing"
            dimension = 64
            [store]
            collection = "\(LedgerTestSupport.collection)"
            \(extra)
            """,
            file: "/tmp/edgar-e2e.toml",
            environment: ["TEST_EDGAR_AGENT": userAgent]
        )
    }

    /// Runs `definition` into `data` once (its own engine and EDGAR client, both closed afterwards).
    static func run(_ definition: PipelineDefinition, data: URL) async throws -> RunReport {
        let source = try makeFilingSource(definition.source, file: definition.file, dataRoot: data)
        let engine = StoreEngine(root: data)
        do {
            let report = try await PipelineRunner.make(definition: definition, engine: engine, source: source).run()
            await (source as? EDGARFilingSource)?.shutdown()
            await engine.shutdown()
            return report
        } catch {
            await (source as? EDGARFilingSource)?.shutdown()
            await engine.shutdown()
            throw error
        }
    }

    /// The server's requests under the Archives' filing folders (documents and listings).
    static func filingRequests(_ server: FakeEDGARServer) -> [FakeEDGARServer.Recorded] {
        server.requests.filter { $0.path.hasPrefix("/Archives/edgar/data/") }
    }
}
