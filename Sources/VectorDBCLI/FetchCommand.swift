import ArgumentParser
import EDGARClient
import Foundation
import Logging
import Pipeline
import PipelineConfig
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
            required (--user-agent, $VECTORDB_EDGAR_USER_AGENT or user_agent in --config); without one nothing is \
            requested. Settings come from flags, then the environment, then the [edgar] table of --config FILE \
            (see config/edgar.toml), then defaults.
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

    @Option(
        name: .long,
        help: ArgumentHelp("A TOML file with an [edgar] table (see config/edgar.toml).", valueName: "file")
    )
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Base URL of www.sec.gov (default https://www.sec.gov).", valueName: "url"))
    var wwwBaseURL: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Base URL of data.sec.gov (default https://data.sec.gov).", valueName: "url")
    )
    var dataBaseURL: String?

    @Option(name: .long, help: "'Company Name contact@domain' (default: $VECTORDB_EDGAR_USER_AGENT).")
    var userAgent: String?

    @Option(name: .long, help: "Requests per second for the whole process, at most 10 (default 8).")
    var rate: Double?

    @Option(name: .long, help: "Filings fetched concurrently, 1-16 (default 4); one rate limit covers them all.")
    var concurrency: Int?

    @Option(name: .long, help: "Pause after EDGAR throttles the client, in seconds (default 600).")
    var coolDownSeconds: Int?

    @Option(name: .long, help: "Attempts per request on 5xx, timeouts, resets and truncated bodies (default 5).")
    var attemptsMax: Int?

    @Option(name: .long, help: "Largest document accepted, in bytes after decompression (default 512 MiB).")
    var bodyBytesMax: Int?

    func validate() throws {
        guard cik.isEmpty == false || ticker.isEmpty == false || daily != nil else {
            throw ValidationError("say what to fetch: --cik, --ticker or --daily")
        }
        if let concurrency, !(1...EDGARFetcher<ContinuousClock>.concurrencyMax).contains(concurrency) {
            throw ValidationError("--concurrency must be in 1...\(EDGARFetcher<ContinuousClock>.concurrencyMax)")
        }
        guard (coolDownSeconds ?? 0) >= 0, (attemptsMax ?? 1) >= 1, (bodyBytesMax ?? 1) >= 1 else {
            throw ValidationError("--cool-down-seconds must be >= 0, --attempts-max and --body-bytes-max >= 1")
        }
    }

    func run() async throws {
        LogSetup.bootstrap(global)
        let logger = Logger(label: "vectordb.fetch")
        let plan: FetchPlan
        do {
            let settings = try config.map { (path) throws(ConfigError) in try EDGARSettings.load(path: path) }
            plan = try FetchPlan(request: request, environment: ProcessInfo.processInfo.environment, settings: settings)
        } catch {
            throw CLIFailure(error)
        }
        let client = EDGARHTTPClient(configuration: plan.configuration, logger: logger)
        let cache = RawFilingCache(
            root: plan.cacheRoot,
            rawBytesMax: max(plan.configuration.bodyBytesMax, RawFilingCache(root: plan.cacheRoot).rawBytesMax)
        )
        let fetcher = EDGARFetcher(client: client, cache: cache)
        let summary: FetchSummary
        do {
            let display = ProgressDisplay(enabled: ProgressDisplay.stderrIsTerminal)
            summary = try await FetchRunner(fetcher: fetcher, plan: plan, observer: display, logger: logger).run()
        } catch {
            await client.shutdown()
            throw CLIFailure(error)
        }
        await client.shutdown()
        for line in summary.lines(cacheRoot: plan.cacheRoot.path) { Terminal.write(line) }
        if summary.failures.isEmpty == false { throw ExitCode(1) }
    }
}

extension FetchCommand {
    /// The flags as the library's request (validated by `FetchPlan`).
    var request: FetchRequest {
        var request = FetchRequest(dataRoot: global.dataRoot)
        request.ciks = cik
        request.tickers = ticker
        request.forms = form
        request.includeAmendments = includeAmendments
        request.since = since
        request.until = until
        request.limit = limit
        request.daily = daily
        request.cache = cache
        request.wwwBaseURL = wwwBaseURL
        request.dataBaseURL = dataBaseURL
        request.userAgent = userAgent
        request.rate = rate
        request.concurrency = concurrency
        request.coolDownSeconds = coolDownSeconds
        request.attemptsMax = attemptsMax
        request.bodyBytesMax = bodyBytesMax
        return request
    }
}
