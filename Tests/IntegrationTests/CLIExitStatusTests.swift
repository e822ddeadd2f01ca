import Foundation
import Testing

@testable import VectorDBCLI

/// The documented exit statuses (docs/cli.md, README) end to end: a conflict and corrupt data, and
/// the table in the docs matches `ExitStatus`.
@Suite struct CLIExitStatusTests {
    @Test func anotherDimensionIsAConflictAndABrokenCollectionFileIsCorrupt() throws {
        let scratch = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pipeline = try Support.hashingPipeline(in: scratch)
        let data = scratch.appendingPathComponent("data")
        #expect(try Support.run(["run", pipeline, "--data-dir", data.path]).status == 0)
        let narrower = scratch.appendingPathComponent("narrower.toml")
        let text = try String(contentsOfFile: pipeline, encoding: .utf8).replacingOccurrences(
            of: "dimension = 64",
            with: "dimension = 32"
        )
        try Data(text.utf8).write(to: narrower)
        let conflict = try Support.run(["run", narrower.path, "--data-dir", data.path])
        #expect(conflict.status == 73, "conflict: \(conflict.stderr)")
        #expect(conflict.stderr.contains("(64 dims); this run embeds with"), "\(conflict.stderr)")

        let info = data.appendingPathComponent("collections/filings/collection.json")
        try Data("{\"formatVersion\": 3, \"name\": ".utf8).write(to: info)
        let corrupt = try Support.run(["search", "foundry", "--data-dir", data.path])
        #expect(corrupt.status == 74, "corrupt: \(corrupt.stderr)")
        #expect(corrupt.stderr.contains("collection.json is not valid"), "\(corrupt.stderr)")
    }

    @Test func theDocumentedTableListsEveryStatus() throws {
        for document in ["docs/cli.md", "README.md"] {
            let text = try String(contentsOf: Support.repo.appendingPathComponent(document), encoding: .utf8)
            for status in ExitStatus.allCases {
                #expect(text.contains("| \(status.rawValue) |"), "\(document) lacks exit status \(status.rawValue)")
            }
        }
    }
}
