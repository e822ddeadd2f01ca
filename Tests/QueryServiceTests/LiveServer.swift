import Foundation
import Synchronization

/// A real `vectordb serve` child process on 127.0.0.1 (port 0: the port it binds is read from its
/// "listening" log line), its stderr collected line by line so tests can wait for a log event
/// instead of sleeping.
final class LiveServer: Sendable {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `$VECTORDB_BIN`, else the debug build.
    static var binary: String {
        ProcessInfo.processInfo.environment["VECTORDB_BIN"] ?? repo.appendingPathComponent(".build/debug/vectordb").path
    }

    private let process: Process
    private let lines = Mutex<[String]>([])
    private let arrived = DispatchSemaphore(value: 0)
    private let ended = Atomic<Bool>(false)

    /// Starts `vectordb serve ARGUMENTS --port 0 --log-level debug`.
    init(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["serve"] + arguments + ["--port", "0", "--log-level", "debug"]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        self.process = process
        try process.run()
        let handle = pipe.fileHandleForReading
        let thread = Thread { [self] in
            var pending = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                pending.append(chunk)
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                    pending.removeSubrange(pending.startIndex...newline)
                    lines.withLock { $0.append(line) }
                    arrived.signal()
                }
            }
            ended.store(true, ordering: .releasing)
            arrived.signal()
        }
        thread.start()
    }

    var pid: Int32 { process.processIdentifier }

    var running: String {
        process.isRunning ? "running" : "exited \(process.terminationStatus) \(process.terminationReason.rawValue)"
    }

    /// Every stderr line so far.
    var log: [String] { lines.withLock { $0 } }

    /// The first stderr line containing `text`, waiting for it (up to `limitSeconds`, a bound on a
    /// hung child, not a timing assertion).
    func line(containing text: String, limitSeconds: Double = 120) async -> String? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { [self] in
                let deadline = DispatchTime.now() + limitSeconds
                while true {
                    if let found = lines.withLock({ $0.first { $0.contains(text) } }) {
                        return continuation.resume(returning: found)
                    }
                    if ended.load(ordering: .acquiring) { return continuation.resume(returning: nil) }
                    if arrived.wait(timeout: deadline) == .timedOut { return continuation.resume(returning: nil) }
                }
            }
        }
    }

    /// The port from the "listening" line.
    func port() async -> Int? {
        guard let line = await line(containing: ": listening auth=") else { return nil }
        return line.split(separator: " ").first { $0.hasPrefix("port=") }.flatMap { Int($0.dropFirst(5)) }
    }

    /// Sends SIGTERM.
    func terminate() { kill(process.processIdentifier, SIGTERM) }

    /// Waits for the child to exit and returns its status.
    func exitStatus() async -> Int32 {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { [self] in
                process.waitUntilExit()
                continuation.resume(returning: process.terminationStatus)
            }
        }
    }

    /// SIGKILLs the child if it still runs (test clean-up).
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
