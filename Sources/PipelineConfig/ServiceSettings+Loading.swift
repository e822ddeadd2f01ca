import Foundation

extension ServiceSettings {
    /// Reads a service configuration file.
    ///
    /// - Throws: `ConfigError` naming the file, and the line and key when the problem is one key:
    ///   a missing file, a TOML syntax error, an unknown key, a wrong type, an out-of-range value,
    ///   a malformed key hash, a tenant name used twice or a key hash given to two tenants.
    public static func load(path: String) throws(ConfigError) -> ServiceSettings {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(code: .fileNotFound, file: path, line: nil, key: nil, message: "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(code: .syntax, file: path, line: nil, key: nil, message: "the file is not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    static let serverKeys: Set<String> = [
        "host", "port", "data_dir", "audit_log", "body_bytes_max", "batch_documents_max", "k_max",
        "filter_depth_max", "filter_conditions_max", "query_bytes_max", "query_timeout_ms",
    ]

    /// Validates service configuration TOML text; relative paths resolve against `file`'s directory.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> ServiceSettings {
        let source = try TOMLSource(text: text, file: file)
        let root = TableReader(source: source, path: "", entries: source.root)
        try root.rejectUnknownKeys(["server", "tenant"])
        var settings = ServiceSettings()
        let base = URL(fileURLWithPath: file).deletingLastPathComponent()
        if let server = try root.table("server") {
            try server.rejectUnknownKeys(serverKeys)
            if let host = try server.string("host") {
                guard !host.isEmpty, !host.contains(" ") else {
                    throw server.error(.invalidValue, "host", "'\(host)' is not a host name or address")
                }
                settings.host = host
            }
            settings.port = try server.integer("port", in: 0...65_535) ?? settings.port
            settings.dataDirectory = try path(server, "data_dir", base: base)
            settings.auditLog = try path(server, "audit_log", base: base)
            settings.bodyBytesMax =
                try server.integer("body_bytes_max", in: 1_024...(256 << 20)) ?? settings.bodyBytesMax
            settings.batchDocumentsMax =
                try server.integer("batch_documents_max", in: 1...10_000) ?? settings.batchDocumentsMax
            settings.kMax = try server.integer("k_max", in: 1...1_000) ?? settings.kMax
            settings.filterDepthMax = try server.integer("filter_depth_max", in: 1...32) ?? settings.filterDepthMax
            settings.filterConditionsMax =
                try server.integer("filter_conditions_max", in: 1...1_024) ?? settings.filterConditionsMax
            settings.queryBytesMax = try server.integer("query_bytes_max", in: 16...65_536) ?? settings.queryBytesMax
            settings.queryTimeoutMs =
                try server.integer("query_timeout_ms", in: 1...600_000) ?? settings.queryTimeoutMs
        }
        settings.tenants = try tenants(ArrayTables(root, "tenant"))
        return settings
    }

    private static func path(_ table: TableReader, _ key: String, base: URL) throws(ConfigError) -> URL? {
        guard let text = try table.string(key) else { return nil }
        guard !text.isEmpty else { throw table.error(.invalidValue, key, "must not be empty") }
        return URL(fileURLWithPath: text, relativeTo: base).standardizedFileURL
    }
}
