import EDGARClient
import Foundation
import PipelineConfig
import SECModel

extension FetchPlan {
    /// The fetch a `kind = "edgar"` source describes, checked before any request: the User-Agent
    /// (`user_agent`, else `VECTORDB_EDGAR_USER_AGENT`), the EDGAR client's settings, the filers and
    /// the days of a daily-index walk.
    ///
    /// - Parameters:
    ///   - file: the pipeline file, named in errors.
    ///   - dataRoot: the data directory; the raw cache defaults to `<dataRoot>/edgar-cache`.
    ///   - daily: the days to walk instead of the source's own (`vectordb schedule`'s tick); `nil`
    ///     walks `since...until` (each defaulting to `today`) when `daily_index = true`.
    ///   - today: EDGAR's current day (`EDGARCalendar.day(of:)`).
    /// - Throws: `PipelineError` (stage `source`, *bad input*) carrying a `ConfigError` that names the
    ///   key, or the `EDGARError` of a setting the EDGAR client rejects.
    public init(
        source: PipelineDefinition.SourceSettings,
        file: String,
        dataRoot: URL,
        environment: [String: String],
        daily: DailyRange? = nil,
        today: EDGARDate
    ) throws(PipelineError) {
        let settings = source.edgar ?? PipelineDefinition.EDGARSourceSettings()
        func configError(_ key: String, _ message: String) -> PipelineError {
            PipelineError(stage: .source, subject: file, cause: settings.error(key, message, file: file))
        }
        if let agent = settings.userAgent {
            do {
                _ = try UserAgent(agent)
            } catch {
                throw configError("user_agent", error.message)
            }
        } else if (environment[UserAgent.environmentVariable] ?? "").isEmpty {
            let missing = ConfigError(
                code: .missingKey,
                file: file,
                line: nil,
                key: "source.user_agent",
                message: "the SEC requires a declared User-Agent: set user_agent = \"Company Name contact@domain\" "
                    + "(or \"${VAR}\") in [source], or \(UserAgent.environmentVariable)"
            )
            throw PipelineError(stage: .source, subject: file, cause: missing)
        }
        var request = FetchRequest(dataRoot: dataRoot)
        request.ciks = source.ciks.map(String.init)
        request.tickers = settings.tickers
        request.forms = source.forms
        request.includeAmendments = settings.includeAmendments
        request.since = settings.since?.description
        request.until = settings.until?.description
        request.limit = settings.limit
        request.cache = settings.cacheDirectory?.path
        request.wwwBaseURL = settings.wwwBaseURL
        request.dataBaseURL = settings.dataBaseURL
        request.userAgent = settings.userAgent
        request.rate = settings.rate
        request.coolDownSeconds = settings.coolDownSeconds
        request.attemptsMax = settings.attemptsMax
        do {
            try self.init(request: request, environment: environment, settings: nil)
            if let daily {
                self.daily = daily
            } else if settings.dailyIndex {
                let first = settings.since ?? today
                let last = settings.until ?? max(today, first)
                self.daily = try DailyRange(first: first, last: last, source: "source.since")
            }
        } catch let error as PipelineError {
            throw error
        } catch {
            throw PipelineError(stage: .source, subject: file, wrapping: error)
        }
    }
}
