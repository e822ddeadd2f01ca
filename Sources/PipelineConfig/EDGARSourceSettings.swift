import Foundation
import SECModel

extension PipelineDefinition {
    /// The `[source]` keys of `kind = "edgar"`: which filings to fetch from EDGAR and how to reach it.
    /// Forms, CIKs and `documents` are the source's common keys (`SourceSettings`).
    ///
    /// Filings are selected from the filers' submissions (`tickers`, `ciks`), or with
    /// `daily_index = true` from EDGAR's daily form indexes of `since...until` (every filer, narrowed
    /// by `tickers` / `ciks` when given). Connection keys left out fall back to the environment
    /// (`VECTORDB_EDGAR_USER_AGENT`) and the EDGAR client's defaults (README "Fetching from EDGAR").
    public struct EDGARSourceSettings: Sendable, Hashable {
        /// `tickers`: exchange tickers, resolved to CIKs through `company_tickers.json`.
        public var tickers: [String] = []
        /// `include_amendments`: `10-K` in `forms` also selects `10-K/A` (default `false`).
        public var includeAmendments = false
        /// `since`, `until`: filing dates, inclusive (`YYYY-MM-DD`); `until` defaults to today.
        public var since: EDGARDate?
        public var until: EDGARDate?
        /// `limit`: most filings selected, newest first (default: no limit).
        public var limit: Int?
        /// `daily_index`: select from the daily form indexes instead of the filers' submissions.
        public var dailyIndex = false
        /// `user_agent`: `Company Name contact@domain`; `nil` reads `VECTORDB_EDGAR_USER_AGENT`.
        public var userAgent: String?
        /// `rate`: requests per second, `0 < rate <= 10` (default 8).
        public var rate: Double?
        /// `www_base_url`, `data_base_url`: `http(s)://host[:port]` (defaults: sec.gov's).
        public var wwwBaseURL: String?
        public var dataBaseURL: String?
        /// `cache_dir`: the raw cache, resolved against the TOML file's directory; `nil` for
        /// `<data-dir>/edgar-cache`.
        public var cacheDirectory: URL?
        /// `cool_down_seconds`: pause after a throttle, 0...86400 (default 600).
        public var coolDownSeconds: Int?
        /// `attempts_max`: attempts per request on transient failures, 1...100 (default 5).
        public var attemptsMax: Int?

        /// Line of each key present, for errors raised after loading (the User-Agent's shape).
        public var lines: [String: Int] = [:]

        public init() {}

        /// Keys of `[source]` that only `kind = "edgar"` takes.
        static let keys: Set<String> = [
            "tickers", "include_amendments", "since", "until", "limit", "daily_index", "user_agent", "rate",
            "www_base_url", "data_base_url", "cache_dir", "cool_down_seconds", "attempts_max",
        ]
    }

    /// Reads the `edgar` keys of `[source]`.
    static func edgarSettings(_ table: TableReader, ciks: [Int]) throws(ConfigError) -> EDGARSourceSettings {
        var settings = EDGARSourceSettings()
        for key in table.entries.keys where EDGARSourceSettings.keys.contains(key) {
            settings.lines[key] = table.source.line(of: table.dotted(key))
        }
        settings.tickers = try table.strings("tickers") ?? []
        if let bad = settings.tickers.first(where: { !isTicker($0) }) {
            throw table.error(.invalidValue, "tickers", "'\(bad)' is not a ticker")
        }
        settings.includeAmendments = try table.bool("include_amendments") ?? false
        settings.since = try date(table, "since")
        settings.until = try date(table, "until")
        if let since = settings.since, let until = settings.until, until < since {
            throw table.error(.invalidValue, "until", "\(until) is before since (\(since))")
        }
        settings.limit = try table.integer("limit", in: 1...1_000_000)
        settings.dailyIndex = try table.bool("daily_index") ?? false
        if !settings.dailyIndex, settings.tickers.isEmpty, ciks.isEmpty {
            throw ConfigError(
                code: .missingKey,
                file: table.source.file,
                line: table.source.line(of: "source"),
                key: "source.tickers",
                message: "say which filers to fetch: tickers or ciks, or walk the daily indexes with daily_index = true"
            )
        }
        if let agent = try table.string("user_agent") {
            guard !agent.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw table.error(.invalidValue, "user_agent", "must not be empty ('Company Name contact@domain')")
            }
            settings.userAgent = agent
        }
        if let rate = try table.number("rate") {
            guard rate > 0, rate <= 10 else {
                throw table.error(.invalidValue, "rate", "\(rate) is outside 0 < rate <= 10 (SEC fair-access limit)")
            }
            settings.rate = rate
        }
        settings.wwwBaseURL = try baseURL(table, "www_base_url")
        settings.dataBaseURL = try baseURL(table, "data_base_url")
        if let directory = try table.string("cache_dir") {
            guard !directory.isEmpty else { throw table.error(.invalidValue, "cache_dir", "must not be empty") }
            let base = URL(fileURLWithPath: table.source.file).deletingLastPathComponent()
            settings.cacheDirectory = URL(fileURLWithPath: directory, relativeTo: base).standardizedFileURL
        }
        settings.coolDownSeconds = try table.integer("cool_down_seconds", in: 0...86_400)
        settings.attemptsMax = try table.integer("attempts_max", in: 1...100)
        return settings
    }

    private static func isTicker(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 12
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
    }

    private static func date(_ table: TableReader, _ key: String) throws(ConfigError) -> EDGARDate? {
        if case .other = table.entries[key] {
            throw table.error(.invalidValue, key, "write the date as a string: \(key) = \"YYYY-MM-DD\"")
        }
        guard let text = try table.string(key) else { return nil }
        guard let date = EDGARDate(text) else {
            throw table.error(.invalidValue, key, "'\(text)' is not a YYYY-MM-DD date")
        }
        return date
    }

    private static func baseURL(_ table: TableReader, _ key: String) throws(ConfigError) -> String? {
        guard let text = try table.string(key) else { return nil }
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), !text.contains(" ") else {
            throw table.error(.invalidValue, key, "'\(text)' is not an http(s) base URL")
        }
        return text
    }
}

extension PipelineDefinition.EDGARSourceSettings {
    /// A `ConfigError` pointing at `source.KEY` of `file`, for a value a later stage rejected.
    public func error(_ key: String, _ message: String, file: String) -> ConfigError {
        ConfigError(code: .invalidValue, file: file, line: lines[key], key: "source.\(key)", message: message)
    }
}
