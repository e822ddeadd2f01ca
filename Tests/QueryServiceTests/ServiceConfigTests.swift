import Foundation
import PipelineConfig
import QueryService
import Testing

/// `config/vectordb.toml` as the server uses it (its parsing: PipelineConfigTests.ServiceSettingsTests).
@Suite struct ServiceConfigTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theShippedConfigsDevelopmentKeysAuthenticate() throws {
        let path = Self.repo.appendingPathComponent("config/vectordb.toml").path
        let settings = try ServiceSettings.load(path: path)
        // The development keys documented in docs/service.md are the ones the file hashes.
        let keyring = APIKeyring(
            tenants: settings.tenants.map { (Tenant($0, dataDirectory: Self.repo), $0.keySHA256) }
        )
        #expect(keyring.caller(presenting: "dev-key-acme-change-me")?.tenant.name == "acme")
        #expect(keyring.caller(presenting: "dev-key-globex-change-me")?.tenant.name == "globex")
        #expect(keyring.caller(presenting: "dev-key-acme-change-m") == nil)
    }

    @Test func aServerWithoutKeysRefusesToStartUnlessNoAuth() throws {
        let server = QueryServer(
            settings: ServiceSettings(),
            dataDirectory: URL(fileURLWithPath: "/nonexistent"),
            noAuth: false,
            logger: .init(label: "test")
        )
        #expect(throws: ServeError.self) { _ = try server.makeAPI() }
        var open = server
        open.noAuth = true
        let (api, _) = try open.makeAPI()
        #expect(api.tenants.map(\.name) == ["local"])
    }
}
