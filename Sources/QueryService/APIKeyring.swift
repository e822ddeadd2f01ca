import PipelineConfig
import SECModel

/// The API keys of every tenant, held as SHA-256 hashes only: a presented key is hashed and
/// compared with every stored hash in constant time (no early exit, so the time taken says nothing
/// about which hash, or how much of one, matched).
public struct APIKeyring: Sendable {
    struct Entry: Sendable {
        var digest: [UInt8]
        var caller: Caller
    }

    let entries: [Entry]

    /// The keys of `tenants`, each hash given as 64 hex digits (validated by the config loader).
    public init(tenants: [(Tenant, [String])]) {
        var entries: [Entry] = []
        for (tenant, hashes) in tenants {
            for hash in hashes {
                entries.append(
                    Entry(
                        digest: Self.bytes(hex: hash),
                        caller: Caller(tenant: tenant, keyID: "sha256:" + hash.prefix(12))
                    )
                )
            }
        }
        self.entries = entries
    }

    /// Whether no key is configured (a server then refuses to start unless told `--no-auth`).
    public var isEmpty: Bool { entries.isEmpty }

    /// The caller `key` authenticates, or `nil`.
    public func caller(presenting key: String) -> Caller? {
        let digest = SHA256.digest(of: key)
        var found: Caller?
        for entry in entries where ConstantTime.equal(entry.digest, digest) { found = entry.caller }
        return found
    }

    private static func bytes(hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var high: UInt8?
        for character in hex {
            guard let value = character.hexDigitValue.map(UInt8.init) else { continue }
            if let first = high {
                bytes.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        return bytes
    }
}
