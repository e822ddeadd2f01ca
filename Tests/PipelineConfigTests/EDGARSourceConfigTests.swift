import Foundation
import PipelineConfig
import SECModel
import Testing

@Suite struct EDGARSourceConfigTests {
    static let pipelines = PipelineDefinitionTests.repo.appendingPathComponent("pipelines")
    static let environment = ["VECTORDB_EDGAR_USER_AGENT": "Example Research ops@example.com"]

    private func parse(_ text: String, environment: [String: String] = [:]) throws(ConfigError) -> PipelineDefinition {
        try PipelineDefinition.parse(text, file: "/tmp/p/test.toml", environment: environment)
    }

    private func error(_ text: String, environment: [String: String] = [:]) -> ConfigError? {
        do {
            _ = try parse(text, environment: environment)
            return nil
        } catch {
            return error
        }
    }

    @Test func secTenKLoads() throws {
        let definition = try PipelineDefinition.parse(
            String(contentsOf: Self.pipelines.appendingPathComponent("sec-10k.toml"), encoding: .utf8),
            file: Self.pipelines.appendingPathComponent("sec-10k.toml").path,
            environment: Self.environment
        )
        let edgar = try #require(definition.source.edgar)
        #expect(definition.source.kind == "edgar")
        #expect(edgar.tickers.count == 10 && edgar.tickers.contains("AAPL"))
        #expect(definition.source.forms == ["10-K", "10-Q"])
        #expect(edgar.since == EDGARDate("2024-01-01"))
        #expect(edgar.until == nil && !edgar.dailyIndex)
        #expect(edgar.userAgent == nil, "VECTORDB_EDGAR_USER_AGENT is read at run time")
        #expect(edgar.rate == 8)
        #expect(definition.source.root == nil, "the raw cache defaults to <data-dir>/edgar-cache")
        #expect(definition.schedule == nil)
        #expect(definition.store.collection == "sec-10k")
    }

    @Test func dailyEightKLoads() throws {
        let file = Self.pipelines.appendingPathComponent("daily-8k.toml")
        let definition = try PipelineDefinition.parse(
            String(contentsOf: file, encoding: .utf8),
            file: file.path,
            environment: Self.environment
        )
        let edgar = try #require(definition.source.edgar)
        #expect(edgar.dailyIndex && edgar.tickers.isEmpty && definition.source.ciks.isEmpty)
        #expect(definition.source.forms == ["8-K"])
        #expect(definition.source.documents.entries == ["primary", "EX-99*"])
        let schedule = try #require(definition.schedule)
        #expect(schedule.cron.description == "30 6,22 * * MON-FRI")
        #expect(schedule.timeZone.identifier == "America/New_York")
        #expect(schedule.catchUpDays == 10)
        // 2025-03-07 is a Friday: 22:30 EST, then Monday 06:30 EDT (after the spring-forward Sunday).
        let friday = try #require(ISO8601DateFormatter().date(from: "2025-03-07T20:00:00Z"))
        let first = try #require(schedule.cron.next(after: friday, in: schedule.timeZone))
        let second = try #require(schedule.cron.next(after: first, in: schedule.timeZone))
        #expect(ISO8601DateFormatter().string(from: first) == "2025-03-08T03:30:00Z")
        #expect(ISO8601DateFormatter().string(from: second) == "2025-03-10T10:30:00Z")
    }

    @Test func edgarKeysAndDefaults() throws {
        let definition = try parse(
            """
            [source]
            kind = "edgar"
            ciks = [1999901]
            since = "2025-01-01"
            until = "2025-06-30"
            limit = 5
            include_amendments = true
            www_base_url = "http://127.0.0.1:8080"
            data_base_url = "http://127.0.0.1:8080"
            cache_dir = "cache"
            cool_down_seconds = 5
            attempts_max = 2
            """
        )
        let edgar = try #require(definition.source.edgar)
        #expect(edgar.limit == 5 && edgar.includeAmendments)
        #expect(edgar.until == EDGARDate("2025-06-30"))
        #expect(edgar.wwwBaseURL == "http://127.0.0.1:8080")
        #expect(edgar.cacheDirectory?.path == "/tmp/p/cache")
        #expect(definition.source.root?.path == "/tmp/p/cache")
        #expect(edgar.coolDownSeconds == 5 && edgar.attemptsMax == 2)
        #expect(edgar.userAgent == nil, "absent: VECTORDB_EDGAR_USER_AGENT at run time")
        #expect(definition.source.documents == DocumentSelection.default)
    }

    @Test func interpolationReadsTheEnvironment() throws {
        let text = """
            [pipeline]
            name = "${NAME:-fallback}-x"
            [source]
            root = "${ROOT}/edgar"
            forms = ["${FORM}"]
            [store]
            collection = "$${literal}"
            """
        let error = try #require(self.error(text, environment: ["ROOT": "/data", "FORM": "10-K"]))
        // `$${` is a literal `${`, which is not a valid collection name: the value reached the check.
        #expect(error.description.hasPrefix("/tmp/p/test.toml:7: key 'store.collection': '${literal}' must be"))
        let fixed = text.replacingOccurrences(of: "$${literal}", with: "c")
        let definition = try parse(fixed, environment: ["ROOT": "/data", "FORM": "10-K"])
        #expect(definition.name == "fallback-x")
        #expect(definition.source.root?.path == "/data/edgar")
        #expect(definition.source.forms == ["10-K"])
        #expect(try parse(fixed, environment: ["ROOT": "/d", "FORM": "8-K", "NAME": "n"]).name == "n-x")
    }

    @Test(arguments: [
        (
            "[source]\nroot = \"${MISSING}\"\n",
            "/tmp/p/test.toml:2: key 'source.root': environment variable MISSING is not set "
                + "(write ${MISSING:-default} for a default)"
        ),
        ("[source]\nroot = \"${OPEN\"\n", "/tmp/p/test.toml:2: key 'source.root': unterminated '${' in '${OPEN'"),
        (
            "[source]\nroot = \"${1X}\"\n",
            "/tmp/p/test.toml:2: key 'source.root': '${1X}' does not name an environment variable"
        ),
        (
            "[source]\nkind = \"edgar\"\nforms = [\"10-K\"]\n",
            "/tmp/p/test.toml:1: key 'source.tickers': say which filers to fetch: tickers or ciks, or walk the "
                + "daily indexes with daily_index = true"
        ),
        (
            "[source]\nkind = \"edgar\"\nciks = [1]\nroot = \"x\"\n",
            "/tmp/p/test.toml:4: key 'source.root': unknown key; expected one of: attempts_max, cache_dir, ciks, "
                + "cool_down_seconds, daily_index, data_base_url, documents, forms, include_amendments, kind, limit, "
                + "rate, since, tickers, until, user_agent, www_base_url"
        ),
        (
            "[source]\nkind = \"edgar\"\ntickers = [\"A B\"]\n",
            "/tmp/p/test.toml:3: key 'source.tickers': 'A B' is not a ticker"
        ),
        (
            "[source]\nkind = \"edgar\"\nciks = [1]\nsince = \"2025-13-01\"\n",
            "/tmp/p/test.toml:4: key 'source.since': '2025-13-01' is not a YYYY-MM-DD date"
        ),
        (
            "[source]\nkind = \"edgar\"\nciks = [1]\nsince = 2025-01-01\n",
            "/tmp/p/test.toml:4: key 'source.since': write the date as a string: since = \"YYYY-MM-DD\""
        ),
        (
            "[source]\nkind = \"edgar\"\nciks = [1]\nsince = \"2025-02-01\"\nuntil = \"2025-01-01\"\n",
            "/tmp/p/test.toml:5: key 'source.until': 2025-01-01 is before since (2025-02-01)"
        ),
        (
            "[source]\nkind = \"edgar\"\nciks = [1]\nrate = 11\n",
            "/tmp/p/test.toml:4: key 'source.rate': 11.0 is outside 0 < rate <= 10 (SEC fair-access limit)"
        ),
        (
            "[source]\nkind = \"edgar\"\nciks = [1]\ndaily_index = \"yes\"\n",
            "/tmp/p/test.toml:4: key 'source.daily_index': expected a boolean (true or false), found string"
        ),
        (
            "[source]\nkind = \"edgar\"\nciks = [1]\nwww_base_url = \"ftp://x\"\n",
            "/tmp/p/test.toml:4: key 'source.www_base_url': 'ftp://x' is not an http(s) base URL"
        ),
        (
            "[source]\nkind = \"edgar\"\nciks = [1]\n[schedule]\ncron = \"61 * * * *\"\n",
            "/tmp/p/test.toml:5: key 'schedule.cron': minute field '61': 61 is out of range 0-59"
        ),
        (
            "[source]\nkind = \"edgar\"\nciks = [1]\n[schedule]\ncron = \"* * *\"\n",
            "/tmp/p/test.toml:5: key 'schedule.cron': '* * *' has 3 fields; expected 5: minute hour "
                + "day-of-month month day-of-week"
        ),
        (
            "[source]\nkind = \"edgar\"\nciks = [1]\n[schedule]\ntime_zone = \"UTC\"\n",
            "/tmp/p/test.toml:4: key 'schedule.cron': required: a five-field cron expression such as \"30 6 * * 1-5\""
        ),
        (
            "[source]\nkind = \"edgar\"\nciks = [1]\n[schedule]\ncron = \"@daily\"\ntime_zone = \"Mars/Olympus\"\n",
            "/tmp/p/test.toml:6: key 'schedule.time_zone': 'Mars/Olympus' is not an IANA time zone "
                + "(e.g. America/New_York, Europe/Berlin, UTC)"
        ),
        (
            "[source]\nkind = \"edgar\"\nciks = [1]\n[schedule]\ncron = \"@daily\"\ncatch_up_days = 0\n",
            "/tmp/p/test.toml:6: key 'schedule.catch_up_days': 0 is out of range 1...366"
        ),
        (
            "[source]\nkind = \"edgar\"\nciks = [1]\n[schedule]\ncron = \"@daily\"\nevery = 1\n",
            "/tmp/p/test.toml:6: key 'schedule.every': unknown key; expected one of: catch_up_days, cron, time_zone"
        ),
    ])
    func badInputGivesExactMessages(text: String, message: String) throws {
        let found = try #require(error(text))
        #expect(found.description == message)
    }

    @Test func scheduleDefaults() throws {
        let definition = try parse("[source]\nkind = \"edgar\"\nciks = [1]\n[schedule]\ncron = \"@hourly\"\n")
        let schedule = try #require(definition.schedule)
        #expect(schedule.timeZone.secondsFromGMT(for: Date()) == 0, "UTC (Foundation may call it GMT)")
        #expect(schedule.catchUpDays == 7)
    }
}
