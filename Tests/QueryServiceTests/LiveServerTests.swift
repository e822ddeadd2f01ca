import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import QueryService
import Testing

/// The real `vectordb serve` binary on a free 127.0.0.1 port: its OpenAPI document matches its
/// routes, it answers over HTTP, and SIGTERM drains a request in flight before it exits 0.
@Suite(.serialized) struct LiveServerTests {
    static let key = "live-key"

    /// A data directory and a config file with one tenant (`acme`, key `live-key`).
    static func configure() throws -> (directory: URL, config: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = directory.appendingPathComponent("vectordb.toml")
        let text = """
            [server]
            data_dir = "data"

            [[tenant]]
            name = "acme"
            key_sha256 = ["\(ServiceHarness.hash(key))"]
            admin = true
            """
        try text.write(to: config, atomically: true, encoding: .utf8)
        return (directory, config.path)
    }

    static func request(
        _ method: HTTPMethod,
        _ url: String,
        body: String? = nil,
        requestID: String? = nil
    ) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(key)")
        if let requestID { request.headers.add(name: "X-Request-Id", value: requestID) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        return request
    }

    static func send(_ request: HTTPClientRequest) async throws -> (status: Int, body: String, headers: HTTPHeaders) {
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 16 << 20)
        return (Int(response.status.code), String(buffer: body), response.headers)
    }

    /// The `METHOD path` pairs of openapi.yaml's `paths:` (two-space path keys, four-space methods).
    static func documentedRoutes(_ yaml: String) -> Set<String> {
        var routes: Set<String> = []
        var inPaths = false
        var path: String?
        for line in yaml.split(separator: "\n") {
            if !line.hasPrefix(" ") { inPaths = line == "paths:" }
            guard inPaths else { continue }
            if line.hasPrefix("  /") {
                path = String(line.dropFirst(2).dropLast())
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     ") {
                let method = line.dropFirst(4).prefix { $0 != ":" }
                if ["get", "post", "delete", "put", "patch"].contains(method) {
                    routes.insert("\(method.uppercased()) \(path)")
                }
            }
        }
        return routes
    }

    @Test func openAPIMatchesTheRunningServersRoutes() async throws {
        let (directory, config) = try Self.configure()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try LiveServer(["--config", config])
        defer { server.stop() }
        let port = try #require(await server.port(), "\(server.log.count) \(server.running) \(server.log.last ?? "")")
        let base = "http://127.0.0.1:\(port)"
        let yaml = try await Self.send(Self.request(.GET, base + "/openapi.yaml"))
        #expect(yaml.status == 200)
        let documented = Self.documentedRoutes(yaml.body)
        let served = Set(try ServiceHarness().api.routes.map { "\($0.method.rawValue) \($0.path)" })
        #expect(documented == served)
        // Every documented route is served (an unknown collection is `not_found`, never `no_route`).
        for route in documented.sorted() {
            let parts = route.split(separator: " ")
            let path = parts[1].replacingOccurrences(of: "{name}", with: "nothing").replacingOccurrences(
                of: "{id}",
                with: "x"
            )
            let method = HTTPMethod(rawValue: String(parts[0]))
            let reply = try await Self.send(
                Self.request(method, base + path, body: method == .GET || method == .DELETE ? nil : "{}")
            )
            #expect(!reply.body.contains(#""code":"no_route""#), "\(route): \(reply.status) \(reply.body)")
        }
        server.terminate()
        #expect(await server.exitStatus() == 0)
    }

    @Test func servesSearchesAndDrainsAnInFlightRequestOnSIGTERM() async throws {
        let (directory, config) = try Self.configure()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try LiveServer(["--config", config])
        defer { server.stop() }
        let port = try #require(await server.port())
        let base = "http://127.0.0.1:\(port)"
        #expect(await server.line(containing: "ready") != nil)
        #expect(try await Self.send(Self.request(.GET, base + "/readyz")).status == 200)
        let unauthorized = try await HTTPClient.shared.execute(
            HTTPClientRequest(url: base + "/v1/collections"),
            timeout: .seconds(60)
        )
        #expect(unauthorized.status.code == 401)
        _ = try await unauthorized.body.collect(upTo: 1 << 20)
        let created = try await Self.send(Self.request(.POST, base + "/v1/collections", body: Fixtures.createNotes()))
        #expect(created.status == 201, "\(created.body)")
        _ = try await Self.send(
            Self.request(.POST, base + "/v1/collections/notes/documents", body: Fixtures.threeNotes)
        )
        let search = try await Self.send(
            Self.request(
                .POST,
                base + "/v1/collections/notes/search",
                body: #"{"query": "foundry wafer"}"#,
                requestID: "live-search-1"
            )
        )
        #expect(search.status == 200)
        #expect(search.headers["X-Request-Id"].first == "live-search-1")
        #expect(search.body.contains(#""id":"n1""#))

        // An upsert whose body is half sent when SIGTERM arrives still completes.
        let body = Array(
            #"{"documents": [\#(Fixtures.note("late", title: "late", year: 2025, text: "written during the drain"))]}"#
                .utf8
        )
        let (chunks, feed) = AsyncStream<ByteBuffer>.makeStream()
        var upsert = Self.request(.POST, base + "/v1/collections/notes/documents", requestID: "drain-1")
        upsert.headers.add(name: "Content-Type", value: "application/json")
        upsert.body = .stream(chunks, length: .known(Int64(body.count)))
        feed.yield(ByteBuffer(bytes: body.prefix(20)))
        async let answer = Self.send(upsert)
        #expect(await server.line(containing: "request_id=drain-1") != nil)
        server.terminate()
        // The rest of the body goes out once the server has begun its graceful shutdown.
        #expect(await server.line(containing: "Triggering graceful shutdown for service sl-service=Application") != nil)
        feed.yield(ByteBuffer(bytes: body.dropFirst(20)))
        feed.finish()
        let drained: (status: Int, body: String, headers: HTTPHeaders)
        do {
            drained = try await answer
        } catch {
            Issue.record(
                "the drained request failed: \(error); server log: \(server.log.suffix(12).joined(separator: "\n"))"
            )
            return
        }
        #expect(drained.status == 200, "\(drained.body)")
        #expect(drained.body.contains(#""upserted":1"#))
        #expect(await server.exitStatus() == 0)
        #expect(server.log.contains { $0.contains("stores closed") })
        // The drained write is durable: the collection holds it after the server is gone.
        let reopened = try LiveServer(["--config", config])
        defer { reopened.stop() }
        let again = try #require(await reopened.port())
        let document = try await Self.send(
            Self.request(.GET, "http://127.0.0.1:\(again)/v1/collections/notes/documents/late")
        )
        #expect(document.status == 200, "\(document.body)")
        reopened.terminate()
        #expect(await reopened.exitStatus() == 0)
    }

    @Test func noAuthRefusesANonLoopbackHostAndKeylessConfigs() async throws {
        let refused = try LiveServer(["--no-auth", "--host", "0.0.0.0", "--data-dir", "/nonexistent"])
        #expect(await refused.exitStatus() == 65)
        #expect(refused.log.contains { $0.contains("loopback only") })
        let keyless = try LiveServer(["--data-dir", "/nonexistent"])
        #expect(await keyless.exitStatus() == 65)
        #expect(keyless.log.contains { $0.contains("no API key is configured") })
    }
}
