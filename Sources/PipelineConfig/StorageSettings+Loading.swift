import Foundation

extension StorageSettings {
    /// Reads a storage configuration file.
    ///
    /// - Throws: `ConfigError` naming the file, line and key: a missing file, a TOML syntax error,
    ///   an unknown key, a wrong type, an unknown tier level, backend, compression or storage class,
    ///   a backend that does not fit its tier level, a tier name used twice, more than one cold tier,
    ///   a cold tier without its bucket or path.
    public static func load(path: String) throws(ConfigError) -> StorageSettings {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(code: .fileNotFound, file: path, line: nil, key: nil, message: "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(code: .syntax, file: path, line: nil, key: nil, message: "the file is not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    static let tierKeys: Set<String> = [
        "name", "tier_level", "backend", "compression", "storage_class", "path", "cache_bytes_max", "bucket",
        "endpoint", "region", "prefix",
    ]

    /// Validates storage configuration TOML text; relative paths resolve against `file`'s directory.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> StorageSettings {
        let source = try TOMLSource(text: text, file: file)
        let root = TableReader(source: source, path: "", entries: source.root)
        try root.rejectUnknownKeys(["storage"])
        var settings = StorageSettings()
        guard let storage = try root.table("storage") else { return settings }
        try storage.rejectUnknownKeys(["tiered"])
        guard let tiered = try storage.table("tiered") else { return settings }
        try tiered.rejectUnknownKeys(["durability", "storage_tiers"])
        if let durability = try tiered.string("durability") {
            guard ["object", "local"].contains(durability) else {
                throw tiered.error(.invalidValue, "durability", "'\(durability)' is not one of: object, local")
            }
            settings.durability = durability
        }
        let base = URL(fileURLWithPath: file).deletingLastPathComponent()
        let tables = try ArrayTables(tiered, "storage_tiers")
        for index in tables.elements.indices {
            let tier = try Self.tier(try tables.element(index, keys: tierKeys), base: base)
            if settings.tiers.contains(where: { $0.name == tier.name }) {
                throw tables.error(index, .invalidValue, "name", "tier name '\(tier.name)' is used twice")
            }
            if tier.level == .cold, settings.cold != nil {
                throw tables.error(index, .invalidValue, "tier_level", "only one tier may be Cold (the bucket)")
            }
            settings.tiers.append(tier)
        }
        return settings
    }

    private static func tier(_ element: ArrayTables.Element, base: URL) throws(ConfigError) -> Tier {
        let level = try choice(element, "tier_level", TierLevel.self)
        let backend = try choice(element, "backend", Backend.self)
        let compression: Compression =
            try element.string("compression") == nil ? .none : try choice(element, "compression", Compression.self)
        let allowed: [Backend] =
            switch level {
            case .ultraHot: [.mmap]
            case .hot, .warm: [.local, .parquet]
            case .cold: [.s3, .gcs, .fileSystem]
            }
        guard allowed.contains(backend) else {
            throw element.error(
                .invalidValue,
                "backend",
                "a \(level.rawValue) tier is backed by \(allowed.map(\.rawValue).joined(separator: " or ")), not \(backend.rawValue)"
            )
        }
        var tier = Tier(
            name: try element.requiredString("name"),
            level: level,
            backend: backend,
            compression: compression,
            storageClass: nil,
            path: try element.string("path").map { URL(fileURLWithPath: $0, relativeTo: base).standardizedFileURL },
            cacheBytesMax: try element.integer("cache_bytes_max", in: 1...Int.max),
            bucket: try element.string("bucket"),
            endpoint: try element.string("endpoint"),
            region: try element.string("region") ?? "us-east-1",
            prefix: try element.string("prefix") ?? ""
        )
        if let name = try element.string("storage_class") {
            guard level == .cold, backend != .fileSystem else {
                throw element.error(.invalidValue, "storage_class", "only an S3 or GCS Cold tier has a storage class")
            }
            guard let value = storageClasses[name] else {
                throw element.error(
                    .invalidValue,
                    "storage_class",
                    "'\(name)' is not one of: \(storageClasses.keys.sorted().joined(separator: ", "))"
                )
            }
            tier.storageClass = value
        }
        try check(tier, element)
        return tier
    }

    /// What each backend needs: a bucket for S3 / GCS, a path for the local ones; no budget on a bucket.
    private static func check(_ tier: Tier, _ element: ArrayTables.Element) throws(ConfigError) {
        switch tier.backend {
        case .s3, .gcs:
            guard let bucket = tier.bucket, !bucket.isEmpty else {
                throw element.error(.missingKey, "bucket", "an \(tier.backend.rawValue) tier names its bucket")
            }
        case .fileSystem, .local, .parquet:
            guard tier.path != nil else {
                throw element.error(.missingKey, "path", "a \(tier.backend.rawValue) tier names its directory")
            }
        case .mmap:
            break
        }
        if tier.level == .cold, tier.cacheBytesMax != nil {
            throw element.error(.invalidValue, "cache_bytes_max", "the Cold tier (the bucket) has no byte budget")
        }
        if let endpoint = tier.endpoint, URL(string: endpoint)?.scheme == nil {
            throw element.error(.invalidValue, "endpoint", "'\(endpoint)' is not a URL (http://host:port)")
        }
        if !tier.prefix.isEmpty,
            tier.prefix.split(separator: "/", omittingEmptySubsequences: false).contains(where: {
                $0.isEmpty || $0.hasPrefix(".")
                    || !$0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
            })
        {
            throw element.error(.invalidValue, "prefix", "'\(tier.prefix)' must be [A-Za-z0-9._-] segments joined by /")
        }
    }

    private static func choice<T: RawRepresentable & CaseIterable>(
        _ element: ArrayTables.Element,
        _ key: String,
        _: T.Type
    ) throws(ConfigError) -> T where T.RawValue == String {
        let text = try element.requiredString(key)
        guard let value = T(rawValue: text) else {
            let names = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw element.error(.invalidValue, key, "'\(text)' is not one of: \(names)")
        }
        return value
    }
}
