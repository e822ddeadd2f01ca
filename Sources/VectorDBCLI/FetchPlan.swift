import EDGARClient
import Foundation
import SECModel

/// The validated inputs of `vectordb fetch`: everything is checked here, before any request.
struct FetchPlan {
    var configuration: EDGARClientConfiguration
    var cacheRoot: URL
    var ciks: [CIK]
    var tickers: [String]
    var forms: Set<FormType>
    var includeAmendments: Bool
    var since: EDGARDate?
    var until: EDGARDate?
    var limit: Int?
    var daily: DailyRange?
    var concurrency: Int

    /// - Throws: `EDGARError` — `missingUserAgent` first of all, then `invalidInput` naming the flag.
    init(command: FetchCommand, environment: [String: String]) throws(EDGARError) {
        let userAgent = try UserAgent.resolve(configured: command.userAgent, environment: environment)
        configuration = try EDGARClientConfiguration(
            userAgent: userAgent,
            wwwBaseURL: command.wwwBaseURL,
            dataBaseURL: command.dataBaseURL,
            ratePerSecond: command.rate,
            retry: RetryPolicy(attemptsMax: command.attemptsMax, coolDown: .seconds(command.coolDownSeconds))
        )
        cacheRoot =
            command.cache.map { URL(fileURLWithPath: $0) }
            ?? command.global.dataRoot.appendingPathComponent("edgar-cache")
        ciks = try command.cik.map { (text) throws(EDGARError) in
            guard let cik = CIK(text) else {
                throw EDGARError(code: .invalidInput, source: "--cik", message: "'\(text)' is not a CIK (1-10 digits)")
            }
            return cik
        }
        tickers = try command.ticker.map { (text) throws(EDGARError) in
            guard !text.isEmpty, text.count <= 12,
                text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") })
            else {
                throw EDGARError(code: .invalidInput, source: "--ticker", message: "'\(text)' is not a ticker")
            }
            return text
        }
        forms = Set(command.form.map { FormType($0) })
        includeAmendments = command.includeAmendments
        since = try Self.date(command.since, flag: "--since")
        until = try Self.date(command.until, flag: "--until")
        limit = command.limit
        daily = try command.daily.map { (text) throws(EDGARError) in try DailyRange(parsing: text) }
        concurrency = command.concurrency
        _ = try criteria(ciks: [])
    }

    /// The selection criteria once tickers are resolved to CIKs.
    func criteria(ciks: Set<CIK>) throws(EDGARError) -> FilingCriteria {
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
