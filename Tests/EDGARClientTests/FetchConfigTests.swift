import EDGARClient
import EDGARTestSupport
import Foundation
import SECModel
import Testing

/// `vectordb fetch --config FILE`: the `[edgar]` table supplies settings; a flag beats the
/// environment, which beats the file; a bad value is reported as FILE:LINE: key 'edgar.KEY'.
@Suite struct FetchConfigTests {
    @Test func configFileSuppliesSettingsAndFlagsAndEnvironmentWin() async throws {
        let scratch = try FetchCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let server = try await FakeEDGARServer.start()
        defer { Task { await server.shutdown() } }
        let config = scratch.appendingPathComponent("edgar.toml")
        try Data(
            """
            [edgar]
            user_agent = "Config Research config@example.com"
            www_base_url = "\(server.baseURL)"
            data_base_url = "\(server.baseURL)"
            cache_dir = "from-config"
            rate = 10
            concurrency = 2
            attempts_max = 2
            """.utf8
        ).write(to: config)
        let selection = ["fetch", "--config", config.path, "--cik", "1999901", "--form", "10-K", "--limit", "1"]
        let fromFile = try await FetchBinary.run(selection, scratch: scratch)
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        #expect(fromFile.stdout.contains("fetched 1 (1 documents, 53802 bytes)"), "\(fromFile.stdout)")
        #expect(server.requests.allSatisfy { $0.userAgent == "Config Research config@example.com" })
        let cache = RawFilingCache(root: scratch.appendingPathComponent("from-config"))
        #expect(cache.isComplete(try #require(AccessionNumber("0001999901-25-000004"))))

        server.resetLog()
        let environment = ["VECTORDB_EDGAR_USER_AGENT": "Environment Research env@example.com"]
        let fromEnvironment = try await FetchBinary.run(selection, scratch: scratch, extraEnvironment: environment)
        #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")
        #expect(fromEnvironment.stdout.contains("from cache 1"))
        #expect(!server.requests.isEmpty)
        #expect(server.requests.allSatisfy { $0.userAgent == "Environment Research env@example.com" })

        server.resetLog()
        let flagged = selection + ["--user-agent", "Flag Research flag@example.com", "--cache", "from-flag"]
        let fromFlag = try await FetchBinary.run(flagged, scratch: scratch, extraEnvironment: environment)
        #expect(fromFlag.status == 0, "\(fromFlag.stderr)")
        #expect(fromFlag.stdout.contains("fetched 1 (1 documents, 53802 bytes)"), "--cache beats cache_dir")
        #expect(server.requests.allSatisfy { $0.userAgent == "Flag Research flag@example.com" })
    }

    @Test func badConfigValuesNameFileLineAndKeyBeforeAnyRequest() async throws {
        let scratch = try FetchCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let server = try await FakeEDGARServer.start()
        defer { Task { await server.shutdown() } }
        let cases = [
            ("[edgar]\nrate = 12\n", "bad.toml:2: key 'edgar.rate'"),
            ("[edgar]\nrate = 8\nburst = 3\n", "bad.toml:3: key 'edgar.burst': unknown key"),
            ("[edgar]\n\nconcurrency = \"many\"\n", "bad.toml:3: key 'edgar.concurrency': expected an integer"),
            ("[edgar]\nuser_agent = \"curl/8.0\"\n", "bad.toml:2: key 'edgar.user_agent'"),
        ]
        for (text, message) in cases {
            let file = scratch.appendingPathComponent("bad.toml")
            try Data(text.utf8).write(to: file)
            let result = try await FetchBinary.run(
                ["fetch", "--config", file.path, "--www-base-url", server.baseURL, "--cik", "1999901"],
                scratch: scratch
            )
            #expect(result.status == 65, "bad input: \(result.stderr)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
        #expect(server.requests.isEmpty)
    }
}
