import EDGARTestSupport
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The real `vectordb` binary run as a child process: `$VECTORDB_BIN`, else the debug build.
/// Output goes to files (no pipe to drain), and exit is awaited without blocking a thread.
final class FetchBinary: @unchecked Sendable {
    static var path: String {
        ProcessInfo.processInfo.environment["VECTORDB_BIN"]
            ?? TestPaths.repo.appendingPathComponent(".build/debug/vectordb").path
    }

    /// The test User-Agent, passed explicitly; the environment variable is removed from the child.
    static let userAgent = "VectorDB Tests tests@vectordb.example"

    let process = Process()
    let stdoutURL: URL
    let stderrURL: URL
    private let exited = AsyncStream<Int32>.makeStream()

    /// Starts `vectordb fetch` with `arguments` and both base URLs pointing at `server`.
    convenience init(
        server: FakeEDGARServer,
        arguments: [String],
        userAgent: String? = FetchBinary.userAgent,
        scratch: URL
    ) throws {
        var full = ["fetch", "--www-base-url", server.baseURL, "--data-base-url", server.baseURL] + arguments
        if let userAgent { full += ["--user-agent", userAgent] }
        try self.init(commandLine: full, scratch: scratch)
    }

    /// Starts `vectordb` with `commandLine` (subcommand first), in `scratch`, with `extraEnvironment`
    /// added to this process's environment (minus `VECTORDB_EDGAR_USER_AGENT`).
    init(commandLine: [String], scratch: URL, extraEnvironment: [String: String] = [:]) throws {
        let tag = UUID().uuidString
        stdoutURL = scratch.appendingPathComponent("stdout-\(tag)")
        stderrURL = scratch.appendingPathComponent("stderr-\(tag)")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: Self.path)
        process.arguments = commandLine
        var environment = ProcessInfo.processInfo.environment
        environment["VECTORDB_EDGAR_USER_AGENT"] = nil
        environment.merge(extraEnvironment) { _, extra in extra }
        process.environment = environment
        process.currentDirectoryURL = scratch
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        let continuation = exited.continuation
        process.terminationHandler = { process in
            continuation.yield(process.terminationStatus)
            continuation.finish()
        }
        try process.run()
    }

    /// Runs to completion.
    static func run(
        server: FakeEDGARServer,
        _ arguments: [String],
        userAgent: String? = FetchBinary.userAgent,
        scratch: URL
    ) async throws -> (status: Int32, stdout: String, stderr: String) {
        let binary = try FetchBinary(server: server, arguments: arguments, userAgent: userAgent, scratch: scratch)
        let status = await binary.wait()
        return (status, binary.stdout, binary.stderr)
    }

    /// Runs any subcommand to completion.
    static func run(
        _ commandLine: [String],
        scratch: URL,
        extraEnvironment: [String: String] = [:]
    ) async throws -> (status: Int32, stdout: String, stderr: String) {
        let binary = try FetchBinary(commandLine: commandLine, scratch: scratch, extraEnvironment: extraEnvironment)
        let status = await binary.wait()
        return (status, binary.stdout, binary.stderr)
    }

    /// The exit status (or the signal number after a kill).
    func wait() async -> Int32 {
        for await status in exited.stream { return status }
        return process.terminationStatus
    }

    func kill() { _ = Glibc.kill(process.processIdentifier, SIGKILL) }

    var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }
}

/// Polls `condition` every 10 ms until it holds or `timeout` passes.
func poll(timeout: Duration = .seconds(10), _ condition: () -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}
