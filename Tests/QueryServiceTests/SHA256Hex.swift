import SECModel

/// Hex SHA-256 of a test key (what a config file's `key_sha256` holds).
enum SHA256Hex {
    static func of(_ key: String) -> String { SECModel.SHA256.hex(of: key) }
}
