extension ServiceSettings {
    static let tenantKeys: Set<String> = ["name", "key_sha256", "rate", "burst", "concurrent_max", "tier", "admin"]

    /// The `[[tenant]]` tables: names unique and directory-safe, key hashes well formed and owned by
    /// one tenant each.
    static func tenants(_ tables: ArrayTables) throws(ConfigError) -> [TenantSettings] {
        var tenants: [TenantSettings] = []
        var owners: [String: String] = [:]
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789_-")
        for index in tables.elements.indices {
            let table = try tables.element(index, keys: tenantKeys)
            let name = try table.requiredString("name")
            guard (1...64).contains(name.count), name.allSatisfy({ allowed.contains($0) }) else {
                throw table.error(.invalidValue, "name", "'\(name)' must be 1-64 characters of [a-z0-9_-]")
            }
            guard !tenants.contains(where: { $0.name == name }) else {
                throw table.error(.invalidValue, "name", "tenant '\(name)' is declared twice")
            }
            let hashes = try table.strings("key_sha256") ?? []
            for hash in hashes {
                guard hash.count == 64, hash.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                    throw table.error(
                        .invalidValue,
                        "key_sha256",
                        "'\(hash.prefix(80))' is not 64 lower-case hex digits (printf %s KEY | sha256sum)"
                    )
                }
                if let owner = owners.updateValue(name, forKey: hash), owner != name {
                    throw table.error(.invalidValue, "key_sha256", "a key hash of tenant '\(owner)' is given again")
                }
            }
            var tenant = TenantSettings(name: name, keySHA256: hashes)
            if let rate = try table.number("rate") {
                guard rate > 0, rate <= 1_000_000 else {
                    throw table.error(.invalidValue, "rate", "\(rate) is outside 0 < rate <= 1000000 requests/s")
                }
                tenant.ratePerSecond = rate
            }
            tenant.burst = try table.integer("burst", in: 1...1_000_000) ?? tenant.burst
            tenant.concurrentQueriesMax =
                try table.integer("concurrent_max", in: 1...10_000) ?? tenant.concurrentQueriesMax
            if let tier = try table.string("tier") {
                guard let value = TenantSettings.Tier(rawValue: tier) else {
                    let known = TenantSettings.Tier.allCases.map(\.rawValue).joined(separator: ", ")
                    throw table.error(.invalidValue, "tier", "unknown tier '\(tier)'; expected one of: \(known)")
                }
                tenant.tier = value
            }
            tenant.isAdmin = try table.bool("admin") ?? false
            tenants.append(tenant)
        }
        return tenants
    }
}
