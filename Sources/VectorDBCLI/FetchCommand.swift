import ArgumentParser
import EDGARClient
import Foundation
import Logging
import SECModel

/// `vectordb fetch`: download filings from EDGAR into the raw cache, under the fair-access rules.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch filings from SEC EDGAR into the local raw cache (resumable, rate-limited).",
        discussion: """
            Select filers with --cik / --ticker (their submissions), or walk daily form indexes with --daily \
            (optionally narrowed by --cik / --ticker). Filings already complete in the cache are never requested \
            again, so an interrupted run resumes where it stopped. A User-Agent 'Company Name contact@domain' is \
            required (--user-agent or $VECTORDB_EDGAR_USER_AGENT); without one nothing is requested.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("A filer's CIK (repeatable).", valueName: "cik"))
    var cik: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp("A ticker, resolved via company_tickers.json (repeatable).", valueName: "ticker")
    )
    var ticker: [String] = []

    @Option(name: .long, help: ArgumentHelp("A form type such as 10-K (repeatable; default: all).", valueName: "form"))
    var form: [String] = []

    @Flag(name: .long, help: "Let --form 10-K also match 10-K/A (and so on).")
    var includeAmendments = false

    @Option(name: .long, help: ArgumentHelp("First filing date, inclusive.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Last filing date, inclusive.", valueName: "YYYY-MM-DD"))
    var until: String?

    @Option(name: .long, help: "Fetch at most this many filings, newest first.")
    var limit: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Walk the daily form indexes of a day or a range of days.",
            valueName: "YYYY-MM-DD[..YYYY-MM-DD]"
        )
    )
    var daily: String?

    @Option(name: .long, help: ArgumentHelp("Raw cache directory (default: <data-dir>/edgar-cache).", valueName: "dir"))
    var cache: String?

    @Option(name: .long, help: ArgumentHelp("Base URL of www.sec.gov.", valueName: "url"))
    var wwwBaseURL = "https://www.sec.gov"

    @Option(name: .long, help: ArgumentHelp("Base URL of data.sec.gov.", valueName: "url"))
    var dataBaseURL = "https://data.sec.gov"

    @Option(name: .long, help: "'Company Name contact@domain' (default: $VECTORDB_EDGAR_USER_AGENT).")
    var userAgent: String?

    @Option(name: .long, help: "Requests per second for the whole process, at most 10 (the SEC limit).")
    var rate: Double = EDGARClientConfiguration.rateDefault

    @Option(name: .long, help: "Filings fetched concurrently (1-16); the rate limit applies to all of them.")
    var concurrency = 4

    @Option(name: .long, help: "Pause after EDGAR throttles the client, in seconds (a larger Retry-After wins).")
    var coolDownSeconds = 600

    @Option(name: .long, help: "Attempts per request on 5xx, timeouts and resets.")
    var attemptsMax = 5

    func validate() throws {
        guard cik.isEmpty == false || ticker.isEmpty == false || daily != nil else {
            throw ValidationError("say what to fetch: --cik, --ticker or --daily")
        }
        guard (1...EDGARFetcher<ContinuousClock>.concurrencyMax).contains(concurrency) else {
            throw ValidationError("--concurrency must be in 1...\(EDGARFetcher<ContinuousClock>.concurrencyMax)")
        }
        guard coolDownSeconds >= 0, attemptsMax >= 1 else {
            throw ValidationError("--cool-down-seconds must be >= 0 and --attempts-max >= 1")
        }
    }

    func run() async throws {
        LogSetup.bootstrap(global)
        let logger = Logger(label: "vectordb.fetch")
        let plan: FetchPlan
        do {
            plan = try FetchPlan(command: self, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw CLIFailure(error.description)
        }
        let client = EDGARHTTPClient(configuration: plan.configuration, logger: logger)
        let fetcher = EDGARFetcher(client: client, cache: RawFilingCache(root: plan.cacheRoot))
        let summary: FetchSummary
        do {
            summary = try await FetchRunner(fetcher: fetcher, plan: plan, logger: logger).run()
        } catch {
            await client.shutdown()
            throw CLIFailure(error.description)
        }
        await client.shutdown()
        for line in summary.lines(cacheRoot: plan.cacheRoot.path) { Terminal.write(line) }
        if summary.failures.isEmpty == false { throw ExitCode(1) }
    }
}
