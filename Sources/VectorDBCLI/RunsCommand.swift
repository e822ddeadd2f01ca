import ArgumentParser
import Foundation
import Pipeline
import VectorStore

/// `vectordb runs list|show`: the run reports `vectordb run` stores with a collection
/// (`runs/run-{startedAtMs}.json`, the newest 1,000).
struct RunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List and show the stored reports of a collection's pipeline runs.",
        subcommands: [List.self, Show.self]
    )

    struct Target: ParsableArguments {
        @OptionGroup var global: GlobalOptions

        @Option(name: .long, help: "The collection.")
        var collection: String = "filings"

        /// The stored reports' names (oldest first) and a reader of one, on the collection's ledger.
        func withLedger<T>(_ body: (IngestionLedger) async throws -> T) async throws -> T {
            LogSetup.bootstrap(global)
            do {
                return try await global.withEngine { engine in
                    try await body(try await engine.collection(collection).ingestionLedger())
                }
            } catch {
                throw CLIFailure(error)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One line per stored run, oldest first: name, pipeline, mode, filings, chunks, outcome."
        )

        @OptionGroup var target: Target

        func run() async throws {
            let reports = try await target.withLedger { ledger in
                var reports: [(String, RunReport?)] = []
                for name in try await ledger.runRecordNames() {
                    let bytes = try await ledger.runRecord(named: name)
                    reports.append((name, bytes.flatMap { try? JSONDecoder().decode(RunReport.self, from: Data($0)) }))
                }
                return reports
            }
            if reports.isEmpty { Terminal.write("No runs stored for '\(target.collection)'.") }
            for (name, report) in reports {
                guard let report else {
                    Terminal.write("\(name)  (unreadable)")
                    continue
                }
                let outcome = report.stoppedBy.map { "stopped: \($0)" } ?? "completed"
                Terminal.write(
                    "\(name)  \(report.pipeline ?? "-")  \(report.mode.rawValue)  "
                        + "\(report.filingsIngested) ingested, \(report.filingsUnchanged) unchanged, "
                        + "\(report.failures.count) failed, \(report.chunksWritten) chunks  \(outcome)"
                )
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print one stored run report as JSON.")

        @OptionGroup var target: Target

        @Argument(help: ArgumentHelp("A name from `vectordb runs list`, or `latest`.", valueName: "run"))
        var runName: String = "latest"

        func run() async throws {
            let name = runName
            let bytes = try await target.withLedger { ledger -> [UInt8]? in
                let resolved = name == "latest" ? try await ledger.runRecordNames().last : name
                guard let resolved else { return nil }
                return try await ledger.runRecord(named: resolved)
            }
            guard let bytes else {
                throw CLIFailure(
                    StoreError(code: .notFound, message: "no stored run '\(name)' in '\(target.collection)'")
                )
            }
            Terminal.write(data: Data(bytes))
        }
    }
}
