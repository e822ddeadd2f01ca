import Foundation
import Testing

/// `vectordb run` with a corrupted filing: recorded and the run goes on (exit 1, the failure named
/// on stdout), `--fail-fast` stops at it (the parse error, exit 65); `--resume --force` is a usage error.
@Suite struct LedgerCLITests {
    static let tenK = "Archives/edgar/data/1999901/000199990125000004/hrsc-20241231.htm"

    /// A copy of the fixtures whose 10-K primary document is NUL-laden bytes.
    static func corruptedFixtures(in scratch: URL) throws -> URL {
        let root = scratch.appendingPathComponent("edgar")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Support.repo.appendingPathComponent("fixtures/edgar"), to: root)
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }).write(
            to: root.appendingPathComponent(tenK)
        )
        return root
    }

    @Test func aFailingFilingIsReportedAndTheRunGoesOnUnlessFailFast() throws {
        let scratch = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let root = try Self.corruptedFixtures(in: scratch)
        let pipeline = try Support.ledgerPipeline(in: scratch, root: root)
        let data = scratch.appendingPathComponent("data")
        let failFast = try Support.run(["run", pipeline, "--data-dir", data.path, "--fail-fast"])
        #expect(failFast.status == 65, "\(failFast.stderr)")
        #expect(
            failFast.stderr.contains("Error: parse stage (0001999901-25-000004): ")
                && failFast.stderr.contains("binary data (NUL bytes), not an HTML document"),
            "\(failFast.stderr)"
        )
        let goesOn = try Support.run(["run", pipeline, "--data-dir", data.path, "--force"])
        #expect(goesOn.status == 1, "\(goesOn.stderr)")
        #expect(goesOn.stdout.contains("2 filings + 1 exhibits, 1 failed"), "\(goesOn.stdout)")
        #expect(goesOn.stdout.contains("Failed 0001999901-25-000004: parse stage"), "\(goesOn.stdout)")
        let resumed = try Support.run(["run", pipeline, "--data-dir", data.path])
        #expect(resumed.status == 0, "\(resumed.stdout)")
        #expect(resumed.stdout.contains("2 unchanged filings skipped"), "\(resumed.stdout)")
        #expect(resumed.stdout.contains("1 filings that failed before skipped (--force retries)"), "\(resumed.stdout)")
    }

    @Test func resumeAndForceExcludeEachOther() throws {
        let scratch = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pipeline = try Support.ledgerPipeline(in: scratch)
        let both = try Support.run(["run", pipeline, "--resume", "--force", "--data-dir", scratch.path])
        #expect(both.status == 64)
        #expect(both.stderr.contains("--resume and --force exclude each other"), "\(both.stderr)")
    }
}
