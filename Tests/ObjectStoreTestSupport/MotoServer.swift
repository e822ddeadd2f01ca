import AsyncHTTPClient
import Foundation
import Glibc
import NIOCore
import Synchronization

/// A `moto_server` (moto 5.2.5, an in-process S3 emulator) started on a free 127.0.0.1 port for a
/// test suite and stopped after it. The executable is `VECTORDB_MOTO_SERVER` when set, else the
/// repository's `.venv/bin/moto_server`, which `make deps` installs from requirements-dev.txt.
public final class MotoServer: Sendable {
    public let port: Int
    private let process: Mutex<Process?>

    private init(port: Int, process: Process) {
        self.port = port
        self.process = Mutex(process)
    }

    /// `http://127.0.0.1:<port>`.
    public var endpoint: String { "http://127.0.0.1:\(port)" }

    /// The repository root (three levels above this file).
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The moto_server executable, or `nil` when it is not installed.
    public static var executable: String? {
        let path =
            ProcessInfo.processInfo.environment["VECTORDB_MOTO_SERVER"]
            ?? repository.appendingPathComponent(".venv/bin/moto_server").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// Why S3 tests are skipped when the executable is missing.
    public static let missingMessage =
        "moto_server not found (.venv/bin/moto_server or VECTORDB_MOTO_SERVER): run `make deps` to test S3ObjectStore"

    /// Starts a server and waits (at most 60 s) until it answers; tries three ports in case another
    /// process takes the chosen one first.
    public static func start() async throws -> MotoServer {
        guard let executable else { throw MotoError(message: missingMessage) }
        var lastError: any Error = MotoError(message: "moto_server did not start")
        for _ in 0..<3 {
            let port = try freePort()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["-H", "127.0.0.1", "-p", String(port)]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let server = MotoServer(port: port, process: process)
            do {
                try await server.waitUntilReady()
                return server
            } catch {
                server.stop()
                lastError = error
            }
        }
        throw lastError
    }

    /// Stops the server and waits for it to exit. SIGKILL, because moto_server's SIGTERM handler does
    /// not stop its threaded server (and it keeps nothing worth a clean shutdown: state is in memory).
    public func stop() {
        guard
            let process = process.withLock({ value -> Process? in
                defer { value = nil }
                return value
            })
        else { return }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit { stop() }

    /// Creates a bucket (moto accepts any credentials, so the request is unsigned).
    public func createBucket(_ name: String) async throws {
        var request = HTTPClientRequest(url: "\(endpoint)/\(name)")
        request.method = .PUT
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .ok else { throw MotoError(message: "create bucket \(name): HTTP \(response.status)") }
    }

    private func waitUntilReady() async throws {
        for _ in 0..<600 {
            if process.withLock({ $0?.isRunning }) != true { throw MotoError(message: "moto_server exited") }
            do {
                let response = try await HTTPClient.shared.execute(
                    HTTPClientRequest(url: "\(endpoint)/moto-api/"),
                    timeout: .seconds(2)
                )
                _ = try await response.body.collect(upTo: 16 << 20)
                return
            } catch {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        throw MotoError(message: "moto_server did not answer on port \(port) within 60 s")
    }

    /// A port the kernel reports free on 127.0.0.1 (bound to port 0, then released).
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw MotoError(message: "socket: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                guard bind(descriptor, generic, length) == 0 else { return false }
                return getsockname(descriptor, generic, &length) == 0
            }
        }
        guard bound else { throw MotoError(message: "bind: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A failure to start or use moto_server.
public struct MotoError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
