import Foundation
import Testing

/// Paths and process helpers shared by the integration suites.
enum Support {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var fixturesPipeline: String { repo.appendingPathComponent("pipelines/fixtures.toml").path }

    /// The `vectordb` binary under test: `$VECTORDB_BIN`, else the debug build next to the tests.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["VECTORDB_BIN"] { return path }
        return repo.appendingPathComponent(".build/debug/vectordb").path
    }

    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("vectordb-it-\(UUID().uuidString)")
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary to completion with the given arguments, from the repository root (or
    /// `directory`), with this process's environment plus `environment`.
    static func run(
        _ arguments: [String],
        in directory: URL = repo,
        environment: [String: String] = [:]
    ) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self)
        )
    }
}
