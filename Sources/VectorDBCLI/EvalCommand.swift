import ArgumentParser
import Foundation
import Pipeline
import Retrieval
import SECDocuments
import VectorStore

/// `vectordb eval --questions Q.jsonl`: scores retrieval against a question file (`eval/README.md`).
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score search against a question file: hit@1/5/10, MRR and nDCG@10, per kind and form.",
        discussion: """
            Each line of the file is a question with optional filters and what a hit must be to find it (the expected
            filing and an evidence passage its text contains, or an item); eval/README.md has the format. Runs every
            question with its filters and without them (--filters), prints a table per run, and exits 1 when a run's
            hit@10 is below --min-hit-at-10 (the run is named on stderr).
            """
    )

    enum FilterRuns: String, ExpressibleByArgument, CaseIterable {
        case with, without, both
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var tickers: CompanyTickersOption

    @Option(name: .long, help: ArgumentHelp("The question file (JSON Lines).", valueName: "file"))
    var questions: String

    @Option(name: .shortAndLong, help: "Hits read per question, 1-1000.")
    var k: Int = 10

    @Option(name: .long, help: "Ranking mode: hybrid, vector or lexical.")
    var mode: SearchMode = .hybrid

    @Option(name: .long, help: "aware (the default search ranking) or plain (the store's fusion only).")
    var ranking: FilingSearchRequest.Ranking = .aware

    @Option(name: .long, help: "Runs: with the questions' filters, without them, or both.")
    var filters: FilterRuns = .both

    @Option(
        name: .customLong("min-hit-at-10"),
        help: ArgumentHelp("Exit 1 when a run's hit@10 is below this share (0-1).", valueName: "x")
    )
    var minHitAt10: Double?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Ranking weights to try instead of the built-in ones: a JSON object of RankingWeights' fields "
                + "(candidateDepth, rankOffset, vector, lexical, otherFiler, otherForm, otherYear, sectionMatch, "
                + "boilerplate, titleWord); absent fields keep their defaults.",
            valueName: "file"
        )
    )
    var weights: String?

    @Option(name: .long, help: "Collection to search.")
    var collection: String = "filings"

    @Option(name: .long, help: ArgumentHelp("MiniLM-style model directory (as for search).", valueName: "dir"))
    var modelDir: String?

    @Flag(name: .long, help: "Print one JSON object: every run's metrics and per-question outcomes.")
    var json = false

    @Flag(name: .long, help: "List the questions a run misses (rank beyond k) and the first hit each got.")
    var misses = false

    func validate() throws {
        guard (1...SearchRequest.kMax).contains(k) else {
            throw ValidationError("--k must be in 1...\(SearchRequest.kMax)")
        }
        if let minHitAt10, !(0...1).contains(minHitAt10) { throw ValidationError("--min-hit-at-10 must be in 0...1") }
    }

    func run() async throws {
        LogSetup.bootstrap(global)
        let runs: [EvaluationRun]
        do {
            let questions = try EvaluationQuestion.load(path: self.questions)
            runs = try await global.withEngine { engine in
                let store = try await engine.collection(collection)
                let info = await store.info
                let embedder = try QueryEmbedder(for: info, modelDirectory: modelDir.map { URL(fileURLWithPath: $0) })
                var vectors: [String: [Float]] = [:]
                if mode != .lexical {
                    for question in questions {
                        vectors[question.id] = try await embedder.vector(for: question.question)
                    }
                }
                var runs: [EvaluationRun] = []
                let evaluator = QuestionEvaluator(
                    store: store,
                    schema: info.schema,
                    k: k,
                    mode: mode,
                    ranking: ranking,
                    searcher: FilingSearcher(
                        weights: try RankingWeights.load(path: weights),
                        knownFilers: try tickers.knownFilers(global)
                    ),
                    passageEmbedder: embedder.embedder
                )
                for withFilters in filterSettings {
                    var outcomes: [QuestionOutcome] = []
                    for question in questions {
                        outcomes.append(
                            try await evaluator.outcome(
                                question,
                                vector: vectors[question.id],
                                withFilters: withFilters
                            )
                        )
                    }
                    runs.append(
                        EvaluationRun(name: withFilters ? "with filters" : "without filters", outcomes: outcomes)
                    )
                }
                return runs
            }
        } catch {
            throw CLIFailure(error)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            Terminal.write(String(decoding: try encoder.encode(runs), as: UTF8.self))
        } else {
            for run in runs {
                Terminal.write(run.table)
                if misses { Terminal.write(Self.missList(run, k: k)) }
                Terminal.write("")
            }
        }
        if let minHitAt10, let low = runs.first(where: { $0.overall.hitAt10 < minHitAt10 }) {
            FileHandle.standardError.write(
                Data(
                    String(
                        format: "%@: hit@10 %.3f is below --min-hit-at-10 %.3f\n",
                        low.name,
                        low.overall.hitAt10,
                        minHitAt10
                    ).utf8
                )
            )
            throw ExitCode(ExitStatus.partialFailure.rawValue)
        }
    }

    var filterSettings: [Bool] {
        switch filters {
        case .with: [true]
        case .without: [false]
        case .both: [true, false]
        }
    }

    static func missList(_ run: EvaluationRun, k: Int) -> String {
        let missed = run.outcomes.filter { $0.rank == nil }
        guard !missed.isEmpty else { return "  no misses within \(k)" }
        return missed.map { "  miss \($0.id) (\($0.kind), \($0.form)): first hit \($0.firstHit ?? "none")" }
            .joined(separator: "\n")
    }
}
