import ArgumentParser
import Embedding
import Foundation
import Pipeline
import PipelineConfig
import Retrieval
import SECDocuments
import SECModel
import VectorStore

/// `vectordb search "question"`: the passages closest to a question, with citations.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the ingested filings and print cited passages, best first.",
        discussion: """
            Filters (repeatable, combined with AND) on any schema field: cik=320193, ticker=HRSC, form=10-K|10-Q (any of),
            fiscal_year=2024 (or year=), fiscal_year>=2022, filing_date<2025-01-01, item=1A, item!=cover,
            source_url^=https://www.sec.gov/ (prefix). Items are keyed as the filing numbers them: 10-K 1A, 7;
            10-Q I-2 (part I item 2); 8-K 2.02.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var tickers: CompanyTickersOption

    @Argument(help: "The question or search terms.")
    var query: String

    @Option(name: .shortAndLong, help: "Number of hits, 1-1000.")
    var k: Int = 5

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Field filter KEY=VALUE, KEY=A|B, KEY!=V, KEY>=V, KEY<=V, KEY>V, KEY<V, KEY^=PREFIX (repeatable).",
            valueName: "key=value"
        )
    )
    var filter: [String] = []

    @Option(
        name: .long,
        help: "Ranking: hybrid (BM25 + vectors, fused by reciprocal rank), vector, or lexical (BM25 only)."
    )
    var mode: SearchMode = .hybrid

    @Option(
        name: .long,
        help: "aware (question understanding and boilerplate priors, the default) or plain (the store's fusion only)."
    )
    var ranking: FilingSearchRequest.Ranking = .aware

    @Option(name: .long, help: "Collection to search.")
    var collection: String = "filings"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "MiniLM-style model directory (default: $VECTORDB_MODEL_DIR, the collection's recorded one, "
                + "~/.cache/vectordb/models/MODEL, ./.models/MODEL; docs/cli.md).",
            valueName: "dir"
        )
    )
    var modelDir: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Pipeline file whose [embedder] embeds the query (needed for collections embedded by the openai provider).",
            valueName: "file"
        )
    )
    var pipeline: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Search a retained version: a version number (`vectordb snapshots list`) or an ISO 8601 time "
                + "(the newest version committed at or before it). Unflushed writes are not in any version.",
            valueName: "version|time"
        )
    )
    var asOf: String?

    @Flag(
        name: .long,
        help:
            "Print one JSON object per hit (JSON Lines) with the score, text, every citation field and how the question was read (`interpretation`, aware ranking)."
    )
    var json = false

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Print on stderr how the question was read (filers, forms, years, sections), each hit's ranks and "
                + "factors, and the store's plan of each candidate search: per source the filter's matching rows, "
                + "index or scan per condition, the strategy, rows scored and graph nodes visited."
        )
    )
    var explain = false

    func validate() throws {
        guard (1...SearchRequest.kMax).contains(k) else {
            throw ValidationError("--k must be in 1...\(SearchRequest.kMax)")
        }
        guard !query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationError("the query is empty")
        }
    }

    func run() async throws {
        LogSetup.bootstrap(global)
        let hits: [SearchHit]
        let interpretation: QuestionInterpretation?
        do {
            let selector = try asOf.map(AsOfArgument.parse)
            let searcher = FilingSearcher(knownFilers: try tickers.knownFilers(global))
            (hits, interpretation) = try await global.withEngine { engine in
                let store = try await engine.collection(collection)
                let info = await store.info
                let filters = try filter.map { (expression) throws(StoreError) in
                    try MetadataFilter(
                        parsing: expression,
                        schema: info.schema,
                        aliases: CollectionSchema.secFilterAliases
                    )
                }
                var vector: [Float]?
                var embedder: QueryEmbedder?
                if mode != .lexical {
                    let queryEmbedder = try queryEmbedder(for: info)
                    vector = try await queryEmbedder.vector(for: query)
                    embedder = queryEmbedder
                }
                let request = FilingSearchRequest(
                    question: query,
                    vector: vector,
                    k: k,
                    filters: filters,
                    mode: mode,
                    asOf: selector,
                    ranking: ranking,
                    passageEmbedder: embedder?.embedder
                )
                let result = try await searcher.search(request, in: store)
                if explain { FileHandle.standardError.write(Data(result.explanation.utf8)) }
                return (result.hits.map(\.hit), ranking == .aware ? result.interpretation : nil)
            }
        } catch {
            throw CLIFailure(error)
        }
        if json {
            for hit in hits { Terminal.write(try HitJSON.line(hit, interpretation: interpretation)) }
        } else if hits.isEmpty {
            Terminal.write("No matching passages.")
        } else {
            for (rank, hit) in hits.enumerated() { Terminal.write(HitText.render(hit, rank: rank + 1)) }
        }
    }
}

extension SearchCommand {
    /// The embedder of `--pipeline`'s `[embedder]` table when given (it must be the collection's
    /// model), else the one the collection recorded (`QueryEmbedder`; model directory from
    /// `--model-dir` or the documented lookup).
    func queryEmbedder(for info: CollectionInfo) throws -> QueryEmbedder {
        guard let pipeline else {
            return try QueryEmbedder(for: info, modelDirectory: modelDir.map { URL(fileURLWithPath: $0) })
        }
        let definition = try PipelineDefinition.load(path: pipeline)
        return try QueryEmbedder(for: info, settings: definition.embedder, file: pipeline)
    }
}

extension SearchMode: ExpressibleByArgument {}

extension FilingSearchRequest.Ranking: ExpressibleByArgument {}
