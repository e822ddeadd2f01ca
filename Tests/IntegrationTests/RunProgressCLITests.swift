import Foundation
import Testing

/// `vectordb run --dry-run [--list]` validates and plans without writing; a run's progress goes to
/// stderr as JSON lines when stderr is not a terminal; `vectordb runs list|show` read the stored reports.
@Suite struct RunProgressCLITests {
    @Test func dryRunPlansAndListsWithoutWritingAndRunsAreListed() throws {
        let scratch = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let pipeline = try Support.ledgerPipeline(in: scratch)
        let data = scratch.appendingPathComponent("data")

        let plan = try Support.run(["run", pipeline, "--data-dir", data.path, "--dry-run", "--list"])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("source: edgar-archive at "), "\(plan.stdout)")
        #expect(plan.stdout.contains("embed: hashing"), "\(plan.stdout)")
        #expect(plan.stdout.contains("filings: 3"), "\(plan.stdout)")
        #expect(plan.stdout.contains("0001999901-25-000004 10-K 2025-02-14 Harbor Ridge Semiconductor, Inc."))
        #expect(!FileManager.default.fileExists(atPath: data.path), "a dry run writes nothing")
        let listAlone = try Support.run(["run", pipeline, "--data-dir", data.path, "--list"])
        #expect(listAlone.status == 64)

        let run = try Support.run(["run", pipeline, "--data-dir", data.path, "--progress", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let events = run.stderr.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }.filter { $0["kind"] != nil }
        #expect(events.map { $0["kind"] as? String } == ["started", "filing", "filing", "filing", "finished"])
        #expect(events.compactMap { $0["outcome"] as? String } == ["ingested", "ingested", "ingested"])
        let quiet = try Support.run(["run", pipeline, "--data-dir", data.path, "--progress", "none"])
        #expect(!quiet.stderr.contains("\"kind\""), "\(quiet.stderr)")
        #expect(!quiet.stderr.contains("vectordb.run.progress"), "\(quiet.stderr)")
        let logged = try Support.run(["run", pipeline, "--data-dir", data.path, "--force"])
        #expect(logged.stderr.contains("info vectordb.run.progress: progress "), "not a terminal: log records")
        #expect(logged.stderr.contains("outcome=ingested"), "\(logged.stderr)")

        let list = try Support.run(["runs", "list", "--data-dir", data.path])
        #expect(list.status == 0, "\(list.stderr)")
        let lines = list.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.first?.contains("ledger  resume  3 ingested, 0 unchanged, 0 failed") == true, "\(list.stdout)")
        #expect(lines.dropFirst().first?.contains("0 ingested, 3 unchanged") == true, "\(list.stdout)")
        #expect(lines.last?.contains("ledger  force  3 ingested") == true, "\(list.stdout)")
        let show = try Support.run(["runs", "show", "latest", "--data-dir", data.path])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(report["filingsIngested"] as? Int == 3 && report["mode"] as? String == "force")
        let missing = try Support.run(["runs", "show", "run-1.json", "--data-dir", data.path])
        #expect(missing.status == 66)
    }
}
