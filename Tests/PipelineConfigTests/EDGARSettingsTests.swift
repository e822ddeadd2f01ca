import Foundation
import PipelineConfig
import Testing

@Suite struct EDGARSettingsTests {
    private func parse(_ text: String) throws(ConfigError) -> EDGARSettings {
        try EDGARSettings.parse(text, file: "/tmp/c/edgar.toml")
    }

    private func error(_ text: String) -> ConfigError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func everyConfigFileLoads() throws {
        let directory = PipelineDefinitionTests.repo.appendingPathComponent("config")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            // vectordb.toml is the query service's (QueryServiceTests.ServiceConfigTests loads it).
            $0.hasSuffix(".toml") && $0 != CollectionSchemaFileTests.secFile && $0 != "vectordb.toml"
        }
        #expect(!files.isEmpty)
        for file in files {
            let settings = try EDGARSettings.load(path: directory.appendingPathComponent(file).path)
            #expect(settings.userAgent == nil, "\(file): ship no User-Agent, only a commented placeholder")
        }
        let example = try EDGARSettings.load(path: directory.appendingPathComponent("edgar.toml").path)
        #expect(example.rate == 8 && example.concurrency == 4 && example.attemptsMax == 5)
        #expect(example.bodyBytesMax == 512 * 1024 * 1024 && example.coolDownSeconds == 600)
        #expect(example.wwwBaseURL == "https://www.sec.gov" && example.eftsBaseURL == "https://efts.sec.gov")
    }

    @Test func everyKeyIsReadAndAbsentKeysStayNil() throws {
        let settings = try parse(
            """
            [edgar]
            user_agent = "Example Research ops@example.com"
            rate = 9.5
            www_base_url = "http://127.0.0.1:8080"
            data_base_url = "http://127.0.0.1:8081"
            efts_base_url = "http://127.0.0.1:8082"
            cache_dir = "../cache"
            cool_down_seconds = 60
            attempts_max = 3
            body_bytes_max = 1048576
            concurrency = 16
            """
        )
        #expect(settings.userAgent == "Example Research ops@example.com" && settings.rate == 9.5)
        #expect(settings.dataBaseURL == "http://127.0.0.1:8081" && settings.eftsBaseURL == "http://127.0.0.1:8082")
        #expect(settings.cacheDirectory?.path == "/tmp/cache")
        #expect(settings.coolDownSeconds == 60 && settings.attemptsMax == 3 && settings.concurrency == 16)
        #expect(settings.bodyBytesMax == 1_048_576)
        #expect(try parse("[edgar]\nrate = 10\n").rate == 10)
        let empty = try parse("")
        #expect(empty.userAgent == nil && empty.rate == nil && empty.cacheDirectory == nil)
    }

    @Test func errorsNameFileLineAndKey() throws {
        let unknown = try #require(error("[edgar]\nrate = 8\nrat = 9\n"))
        #expect(unknown.code == .unknownKey && unknown.key == "edgar.rat" && unknown.line == 3)
        #expect(unknown.description.hasPrefix("/tmp/c/edgar.toml:3: key 'edgar.rat': unknown key"))
        let table = try #require(error("[edgr]\nrate = 8\n"))
        #expect(table.code == .unknownKey && table.key == "edgr" && table.line == 1)
        let type = try #require(error("[edgar]\n\nconcurrency = \"four\"\n"))
        #expect(type.code == .invalidValue && type.key == "edgar.concurrency" && type.line == 3)
        #expect(type.description.contains("expected an integer, found string"))
        let rate = try #require(error("[edgar]\nrate = 11\n"))
        #expect(rate.key == "edgar.rate" && rate.line == 2 && rate.message.contains("0 < rate <= 10"))
        #expect(error("[edgar]\nrate = \"fast\"\n")?.key == "edgar.rate")
        #expect(error("[edgar]\nconcurrency = 17\n")?.message.contains("out of range 1...16") == true)
        #expect(error("[edgar]\nattempts_max = 0\n")?.key == "edgar.attempts_max")
        #expect(error("[edgar]\ncool_down_seconds = -1\n")?.key == "edgar.cool_down_seconds")
        #expect(error("[edgar]\nbody_bytes_max = 10\n")?.key == "edgar.body_bytes_max")
        #expect(error("[edgar]\nwww_base_url = \"ftp://x\"\n")?.key == "edgar.www_base_url")
        #expect(error("[edgar]\nuser_agent = \"\"\n")?.key == "edgar.user_agent")
        #expect(error("[edgar]\nrate = = 1\n")?.code == .syntax)
        #expect(throws: ConfigError.self) { try EDGARSettings.load(path: "/nonexistent/edgar.toml") }
        let later = try parse("[edgar]\n\nuser_agent = \"curl/8\"\n").error("user_agent", "bad shape")
        #expect(later.description == "/tmp/c/edgar.toml:3: key 'edgar.user_agent': bad shape")
    }
}
