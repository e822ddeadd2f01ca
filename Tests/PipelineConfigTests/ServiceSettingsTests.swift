import Foundation
import PipelineConfig
import Testing

/// `config/vectordb.toml` and the service configuration's errors (file:line:key).
@Suite struct ServiceSettingsTests {
    @Test func theShippedConfigLoads() throws {
        let repo = PipelineDefinitionTests.repo
        let settings = try ServiceSettings.load(path: repo.appendingPathComponent("config/vectordb.toml").path)
        #expect(settings.host == "127.0.0.1")
        #expect(settings.port == 8080)
        #expect(settings.dataDirectory == repo.appendingPathComponent("data").standardizedFileURL)
        #expect(settings.auditLog == nil)
        #expect(settings.kMax == 100 && settings.batchDocumentsMax == 1_000 && settings.queryBytesMax == 2_048)
        #expect(settings.bodyBytesMax == 8 << 20 && settings.queryTimeoutMs == 10_000)
        #expect(settings.filterDepthMax == 8 && settings.filterConditionsMax == 64)
        #expect(settings.tenants.map(\.name) == ["acme", "globex"])
        #expect(settings.tenants[0].tier == .enterprise && settings.tenants[0].isAdmin)
        #expect(settings.tenants[0].ratePerSecond == 50 && settings.tenants[0].burst == 100)
        #expect(settings.tenants[1].tier == .shared && !settings.tenants[1].isAdmin)
        #expect(settings.tenants[1].concurrentQueriesMax == 4)
        #expect(settings.tenants.allSatisfy { $0.keySHA256.count == 1 })
    }

    @Test(arguments: [
        ("[server]\nprot = 1\n", "cfg.toml:2: key 'server.prot': unknown key"),
        ("[server]\nport = \"80\"\n", "cfg.toml:2: key 'server.port': expected an integer, found string"),
        ("[server]\nk_max = 5000\n", "cfg.toml:2: key 'server.k_max': 5000 is out of range 1...1000"),
        (
            "[[tenant]]\nname = \"a\"\nkey_sha256 = [\"abc\"]\n",
            "cfg.toml:3: key 'tenant[0].key_sha256': 'abc' is not 64"
        ),
        ("[[tenant]]\nname = \"A b\"\n", "cfg.toml:2: key 'tenant[0].name': 'A b' must be 1-64"),
        ("[[tenant]]\nname = \"a\"\ntier = \"gold\"\n", "cfg.toml:3: key 'tenant[0].tier': unknown tier 'gold'"),
        ("[[tenant]]\nname = \"a\"\nburst = 0\n", "cfg.toml:3: key 'tenant[0].burst': 0 is out of range"),
        (
            "[[tenant]]\nname = \"a\"\n[[tenant]]\nname = \"a\"\n",
            "cfg.toml:4: key 'tenant[1].name': tenant 'a' is declared twice"
        ),
        ("[[tenant]]\nname = \"a\"\nrate = true\n", "cfg.toml:3: key 'tenant[0].rate': expected a number"),
    ])
    func badFilesNameTheLineAndKey(text: String, message: String) {
        #expect {
            _ = try ServiceSettings.parse(text, file: "cfg.toml")
        } throws: { error in
            "\(error)".hasPrefix(message)
        }
    }

    @Test func aKeyHashBelongsToOneTenant() {
        let hash = String(repeating: "a", count: 64)
        let text =
            "[[tenant]]\nname = \"a\"\nkey_sha256 = [\"\(hash)\"]\n[[tenant]]\nname = \"b\"\nkey_sha256 = [\"\(hash)\"]\n"
        #expect(throws: ConfigError.self) { _ = try ServiceSettings.parse(text, file: "cfg.toml") }
    }

}
