import Foundation

extension EDGARSettings {
    /// Reads the `[edgar]` table of a configuration file.
    ///
    /// - Throws: `ConfigError` naming the file, and the line and key when the problem is one key:
    ///   a missing file, a TOML syntax error, an unknown key, a wrong type or an out-of-range value.
    public static func load(path: String) throws(ConfigError) -> EDGARSettings {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(code: .fileNotFound, file: path, line: nil, key: nil, message: "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(code: .syntax, file: path, line: nil, key: nil, message: "the file is not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    /// Validates configuration TOML text; a relative `cache_dir` resolves against the directory of `file`.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> EDGARSettings {
        let source = try TOMLSource(text: text, file: file)
        let root = TableReader(source: source, path: "", entries: source.root)
        try root.rejectUnknownKeys(["edgar"])
        var settings = EDGARSettings(file: file)
        guard let table = try root.table("edgar") else { return settings }
        try table.rejectUnknownKeys(keys)
        for key in table.entries.keys { settings.lines[key] = source.line(of: table.dotted(key)) }

        if let agent = try table.string("user_agent") {
            guard !agent.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw table.error(.invalidValue, "user_agent", "must not be empty ('Company Name contact@domain')")
            }
            settings.userAgent = agent
        }
        if let rate = try table.number("rate") {
            guard rate > 0, rate <= 10 else {
                throw table.error(.invalidValue, "rate", "\(rate) is outside 0 < rate <= 10 (SEC fair-access limit)")
            }
            settings.rate = rate
        }
        settings.wwwBaseURL = try baseURL(table, "www_base_url")
        settings.dataBaseURL = try baseURL(table, "data_base_url")
        settings.eftsBaseURL = try baseURL(table, "efts_base_url")
        if let directory = try table.string("cache_dir") {
            guard !directory.isEmpty else { throw table.error(.invalidValue, "cache_dir", "must not be empty") }
            let base = URL(fileURLWithPath: file).deletingLastPathComponent()
            settings.cacheDirectory = URL(fileURLWithPath: directory, relativeTo: base).standardizedFileURL
        }
        settings.coolDownSeconds = try table.integer("cool_down_seconds", in: 0...86_400)
        settings.attemptsMax = try table.integer("attempts_max", in: 1...100)
        settings.bodyBytesMax = try table.integer("body_bytes_max", in: 1_024...(64 << 30))
        settings.concurrency = try table.integer("concurrency", in: 1...16)
        return settings
    }

    private static func baseURL(_ table: TableReader, _ key: String) throws(ConfigError) -> String? {
        guard let text = try table.string(key) else { return nil }
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), !text.contains(" ") else {
            throw table.error(.invalidValue, key, "'\(text)' is not an http(s) base URL")
        }
        return text
    }
}
