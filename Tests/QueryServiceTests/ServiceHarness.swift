import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PipelineConfig
import QueryService
import Testing

/// An in-process query service over a fresh temporary data directory: tenants `acme` (key
/// `key-acme`, admin) and `globex` (key `key-globex`), tested through Hummingbird's router test
/// client (no sockets).
struct ServiceHarness {
    static let keys = ["acme": "key-acme", "globex": "key-globex", "initech": "key-initech"]

    let directory: URL
    let api: QueryAPI
    let mode: AuthMiddleware.Mode

    init(
        tenants: [TenantSettings]? = nil,
        configure: (inout ServiceSettings) -> Void = { _ in },
        qos: TenantQoS = TenantQoS(),
        stores: TenantStores? = nil,
        noAuth: Bool = false
    ) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("query-service-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var settings = ServiceSettings()
        settings.tenants =
            tenants ?? [
                TenantSettings(name: "acme", keySHA256: [Self.hash("key-acme")], isAdmin: true),
                TenantSettings(name: "globex", keySHA256: [Self.hash("key-globex")]),
            ]
        configure(&settings)
        var logger = Logger(label: "test.service")
        logger.logLevel = .critical
        let server = QueryServer(settings: settings, dataDirectory: directory, noAuth: noAuth, logger: logger)
        (api, mode) = try server.makeAPI(qos: qos, stores: stores)
        api.readiness.set(true)
    }

    static func hash(_ key: String) -> String { SHA256Hex.of(key) }

    /// Runs `body` with a client of the router (`.live`: of a server on a 127.0.0.1 port).
    func withClient<T: Sendable>(
        _ setup: TestingSetup = .router,
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> T
    ) async throws -> T {
        var logger = Logger(label: "test.service")
        logger.logLevel = .critical
        let app = Application(router: api.router(auth: mode), server: QueryAPI.server, logger: logger)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try await app.test(setup) { client in try await body(client) }
        await api.stores.shutdown()
        return result
    }
}

/// A response as the tests read it.
struct Reply: Sendable {
    var status: Int
    var headers: HTTPFields
    var json: JSONAny?
    var text: String

    /// `error.code` of an error document.
    var errorCode: String? { json?["error"]?["code"]?.string }
}

extension TestClientProtocol {
    /// Sends `body` (a JSON string, or raw text with `contentType`) as `tenant` (nil: no key).
    func call(
        _ method: HTTPRequest.Method,
        _ uri: String,
        as tenant: String? = "acme",
        key: String? = nil,
        body: String? = nil,
        contentType: String = "application/json"
    ) async throws -> Reply {
        var headers = HTTPFields()
        if let key = key ?? tenant.flatMap({ ServiceHarness.keys[$0] }) { headers[.authorization] = "Bearer \(key)" }
        if body != nil { headers[.contentType] = contentType }
        return try await execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        {
            response in
            let text = String(buffer: response.body)
            let json = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            return Reply(
                status: Int(response.status.code),
                headers: response.headers,
                json: json.map(JSONAny.init),
                text: text
            )
        }
    }
}

/// An HTTP method from its name (the bad-input table names them as text).
func httpMethod(_ name: String) -> HTTPRequest.Method {
    HTTPRequest.Method(rawValue: name) ?? .get
}
