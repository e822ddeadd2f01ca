import EDGARTestSupport
import Foundation
import Testing

/// `vectordb schedule` as a user runs it (the real binary): one tick with `--once`, one scheduler
/// per pipeline, SIGTERM, and the bad inputs' exact messages.
@Suite(.serialized) struct ScheduleCommandTests {
    static let environment = ["VECTORDB_EDGAR_USER_AGENT": FetchBinary.userAgent]

    /// A daily-index pipeline over `server` (hashing embedder) written into `scratch`.
    static func pipeline(server: FakeEDGARServer, scratch: URL, cron: String = "0 0 1 1 *") throws -> String {
        let path = scratch.appendingPathComponent("daily.toml").path
        try """
        [pipeline]
        name = "daily"
        [source]
        kind = "edgar"
        daily_index = true
        forms = ["8-K"]
        www_base_url = "\(server.baseURL)"
        data_base_url = "\(server.baseURL)"
        rate = 10
        [schedule]
        cron = "\(cron)"
        time_zone = "America/New_York"
        [embedder]
        provider = "hashing"
        dimension = 64
        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("schedule-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func onceRunsOneTickAndRecordsIt() async throws {
        let server = try await FakeEDGARServer.start()
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = try Self.pipeline(server: server, scratch: scratch)
        let data = scratch.appendingPathComponent("data").path
        let result = try await FetchBinary.run(
            ["schedule", "--data-dir", data, file, "--once"],
            scratch: scratch,
            extraEnvironment: Self.environment
        )
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("tick: walked "), "\(result.stdout)")
        let state = URL(fileURLWithPath: data).appendingPathComponent("collections/filings/schedules/daily.json")
        let recorded = try #require(FileManager.default.contents(atPath: state.path))
        let json = try #require(try JSONSerialization.jsonObject(with: recorded) as? [String: Any])
        #expect(json["pipeline"] as? String == "daily" && json["ticks"] as? Int == 1)
        await server.shutdown()
    }

    @Test func aSecondSchedulerExitsWithAClearMessageAndSIGTERMStopsTheFirst() async throws {
        let server = try await FakeEDGARServer.start()
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = try Self.pipeline(server: server, scratch: scratch)
        let data = scratch.appendingPathComponent("data").path
        let first = try FetchBinary(
            commandLine: ["schedule", "--data-dir", data, file],
            scratch: scratch,
            extraEnvironment: Self.environment
        )
        #expect(try await poll { first.stdout.contains("next tick at ") }, "\(first.stderr)")
        let second = try await FetchBinary.run(
            ["schedule", "--data-dir", data, file],
            scratch: scratch,
            extraEnvironment: Self.environment
        )
        #expect(second.status == 73)
        let lock = URL(fileURLWithPath: data).appendingPathComponent("schedules/filings.daily.lock").path
        #expect(
            second.stderr.contains(
                "Error: schedule stage (\(lock)): another scheduler runs pipeline 'daily' into collection 'filings' "
                    + "(it holds the lock); one scheduler per pipeline"
            ),
            "\(second.stderr)"
        )
        first.process.terminate()
        #expect(await first.wait() == 0, "SIGTERM is a graceful shutdown: \(first.stderr)")
        #expect(server.requests.isEmpty, "no tick was due")
        await server.shutdown()
    }

    @Test func runFetchesAndIngestsThenARerunSkipsEverything() async throws {
        let server = try await FakeEDGARServer.start()
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("edgar.toml").path
        try """
        [source]
        kind = "edgar"
        tickers = ["HRSC"]
        forms = ["10-K", "8-K"]
        since = "2025-02-10"
        www_base_url = "\(server.baseURL)"
        data_base_url = "\(server.baseURL)"
        [embedder]
        provider = "hashing"
        dimension = 64
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let data = scratch.appendingPathComponent("data").path
        let arguments = ["run", "--data-dir", data, file, "--progress", "none"]
        let first = try await FetchBinary.run(arguments, scratch: scratch, extraEnvironment: Self.environment)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Pipeline 'edgar': 2 filings + 1 exhibits"), "\(first.stdout)")
        #expect(FileManager.default.fileExists(atPath: data + "/edgar-cache"), "the raw cache under the data directory")
        server.resetLog()
        let second = try await FetchBinary.run(arguments, scratch: scratch, extraEnvironment: Self.environment)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("0 filings + 0 exhibits, 2 unchanged filings skipped"), "\(second.stdout)")
        #expect(server.requests.allSatisfy { $0.status == 304 }, "\(server.requests.map(\.path))")
        await server.shutdown()
    }

    @Test func badInputIsRefusedWithItsMessage() async throws {
        let server = try await FakeEDGARServer.start()
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = try Self.pipeline(server: server, scratch: scratch, cron: "61 * * * *")
        let data = scratch.appendingPathComponent("data").path
        let badCron = try await FetchBinary.run(
            ["schedule", "--data-dir", data, file],
            scratch: scratch,
            extraEnvironment: Self.environment
        )
        #expect(badCron.status == 65)
        #expect(
            badCron.stderr.contains(
                "Error: \(file):11: key 'schedule.cron': minute field '61': 61 is out of range 0-59"
            ),
            "\(badCron.stderr)"
        )
        let local = scratch.appendingPathComponent("local.toml").path
        try "[source]\nroot = \"x\"\n".write(toFile: local, atomically: true, encoding: .utf8)
        let notEDGAR = try await FetchBinary.run(["schedule", "--data-dir", data, local], scratch: scratch)
        #expect(notEDGAR.status == 65)
        #expect(
            notEDGAR.stderr.contains(
                "Error: \(local): vectordb schedule walks EDGAR's daily indexes: the pipeline needs "
                    + "[source] kind = \"edgar\" (it has \"edgar-archive\")"
            ),
            "\(notEDGAR.stderr)"
        )
        let good = try Self.pipeline(server: server, scratch: scratch)
        let noAgent = try await FetchBinary.run(["schedule", "--data-dir", data, good, "--once"], scratch: scratch)
        #expect(noAgent.status == 65)
        #expect(noAgent.stderr.contains("key 'source.user_agent': the SEC requires a declared User-Agent"))
        #expect(server.requests.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: data + "/collections"), "nothing written")
        await server.shutdown()
    }
}
