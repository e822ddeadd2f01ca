import ArgumentParser
import Foundation
import SECModel

/// The `vectordb` command: ingest SEC filings and search them.
@main
struct VectorDB: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vectordb",
        abstract: "Turn SEC EDGAR filings into a searchable vector database.",
        discussion: """
            Typical use:
              vectordb run pipelines/fixtures.toml        ingest the filings a pipeline file describes
              vectordb search "reliance on foundries"     ask a question, get cited passages
              vectordb parse filing.htm --sections        see how a filing is split into items
              vectordb fetch --ticker AAPL --form 10-K    download filings from EDGAR into the raw cache
              vectordb schedule pipelines/daily-8k.toml   keep a collection current on a cron (--once: one tick)
              vectordb embed "net revenue"                the vector a model gives one text
              vectordb chunk filing.htm                   the chunks a filing is cut into, with token counts
              vectordb snapshots list                     the retained versions, for search --as-of
              vectordb import docs.jsonl --collection c   bulk-upsert your own documents
              vectordb export jsonl --collection c --out docs.jsonl
              vectordb serve --config config/vectordb.toml   the HTTP search API (docs/service.md)

            Exit statuses: 0 success, 1 partial failure (fetch), 64 usage, 65 bad input, 66 not found,
            70 internal error, 73 conflict, 74 corrupt data, 75 unavailable (retry may help).
            """,
        version: "0.1.0",
        subcommands: [
            RunCommand.self, SearchCommand.self, ParseCommand.self, FetchCommand.self, EmbedCommand.self,
            ChunkCommand.self, BenchCommand.self, SnapshotsCommand.self, ImportCommand.self, ExportCommand.self,
            EvalCommand.self, RunsCommand.self, ScheduleCommand.self, ServeCommand.self,
        ]
    )

    /// ArgumentParser's entry point, but a failure of a command's `run` exits with the status its
    /// category maps to (`ExitStatus`) instead of 1; parse errors, `--help` and `ExitCode` keep
    /// ArgumentParser's handling (usage errors are 64).
    static func main() async {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error where Self.isArgumentParserError(error) {
            exit(withError: error)
        } catch {
            let failure = CLIFailure(error)
            Terminal.writeError("Error: \(failure.message)")
            Foundation.exit(ExitStatus(failure.category).rawValue)
        }
    }

    /// Whether ArgumentParser raised `error` (help, version, usage, `ExitCode`): it prints and
    /// exits with its own status. Its internal error types are matched by module.
    private static func isArgumentParserError(_ error: any Error) -> Bool {
        error is ExitCode || error is CleanExit || error is ValidationError
            || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }
}
