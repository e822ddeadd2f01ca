import EDGARClient
import Foundation
import PipelineConfig
import SECModel

/// The validated inputs of a fetch (`vectordb fetch`): everything is checked here, before any request.
///
/// Each setting comes from the first of: its flag, the environment (`VECTORDB_EDGAR_USER_AGENT`
/// only), the `[edgar]` table of `--config`, the default.
public struct FetchPlan: Sendable {
    public var configuration: EDGARClientConfiguration
    public var cacheRoot: URL
    public var ciks: [CIK]
    public var tickers: [String]
    public var forms: Set<FormType>
    public var includeAmendments: Bool
    public var since: EDGARDate?
    public var until: EDGARDate?
    public var limit: Int?
    public var daily: DailyRange?
    public var concurrency: Int

    /// - Throws: `EDGARError` — `missingUserAgent` first of all, then `invalidInput` naming the flag —
    ///   or `ConfigError` pointing at the file, line and key of a bad value from `settings`.
    public init(request command: FetchRequest, environment: [String: String], settings: EDGARSettings?) throws {
        let file = settings ?? EDGARSettings(file: "")
        let flagOrEnvironment = [command.userAgent, environment[UserAgent.environmentVariable]]
            .compactMap { $0 }.first { !$0.isEmpty }
        let userAgent: UserAgent
        if flagOrEnvironment == nil, let configured = file.userAgent {
            do {
                userAgent = try UserAgent(configured)
            } catch {
                throw file.error("user_agent", error.message)
            }
        } else {
            userAgent = try UserAgent.resolve(configured: command.userAgent, environment: environment)
        }
        let defaults = try EDGARClientConfiguration(userAgent: userAgent)
        let coolDownSeconds = command.coolDownSeconds ?? file.coolDownSeconds ?? 600
        configuration = try EDGARClientConfiguration(
            userAgent: userAgent,
            wwwBaseURL: command.wwwBaseURL ?? file.wwwBaseURL ?? defaults.wwwBaseURL,
            dataBaseURL: command.dataBaseURL ?? file.dataBaseURL ?? defaults.dataBaseURL,
            eftsBaseURL: file.eftsBaseURL ?? defaults.eftsBaseURL,
            ratePerSecond: command.rate ?? file.rate ?? defaults.ratePerSecond,
            retry: RetryPolicy(
                attemptsMax: command.attemptsMax ?? file.attemptsMax ?? defaults.retry.attemptsMax,
                coolDown: .seconds(coolDownSeconds)
            ),
            bodyBytesMax: command.bodyBytesMax ?? file.bodyBytesMax ?? defaults.bodyBytesMax
        )
        cacheRoot =
            command.cache.map { URL(fileURLWithPath: $0) } ?? file.cacheDirectory
            ?? command.dataRoot.appendingPathComponent("edgar-cache")
        ciks = try command.ciks.map { (text) throws(EDGARError) in
            guard let cik = CIK(text) else {
                throw EDGARError(code: .invalidInput, source: "--cik", message: "'\(text)' is not a CIK (1-10 digits)")
            }
            return cik
        }
        tickers = try command.tickers.map { (text) throws(EDGARError) in
            guard !text.isEmpty, text.count <= 12,
                text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") })
            else {
                throw EDGARError(code: .invalidInput, source: "--ticker", message: "'\(text)' is not a ticker")
            }
            return text
        }
        forms = Set(command.forms.map { FormType($0) })
        includeAmendments = command.includeAmendments
        since = try Self.date(command.since, flag: "--since")
        until = try Self.date(command.until, flag: "--until")
        limit = command.limit
        daily = try command.daily.map { (text) throws(EDGARError) in try DailyRange(parsing: text) }
        concurrency = command.concurrency ?? file.concurrency ?? 4
        _ = try criteria(ciks: [])
    }

    /// The selection criteria once tickers are resolved to CIKs.
    public func criteria(ciks: Set<CIK>) throws(EDGARError) -> FilingCriteria {
        try FilingCriteria(
            ciks: ciks,
            forms: forms,
            includeAmendments: includeAmendments,
            since: since,
            until: until,
            limit: limit
        )
    }

    private static func date(_ text: String?, flag: String) throws(EDGARError) -> EDGARDate? {
        guard let text else { return nil }
        guard let date = EDGARDate(text) else {
            throw EDGARError(code: .invalidInput, source: flag, message: "'\(text)' is not a YYYY-MM-DD date")
        }
        return date
    }
}
