/// File names inside a collection directory (docs/formats/manifest.md).
enum StoreFileName {
    static func wal(_ number: UInt64) -> String { "wal-" + padded(number) + ".log" }
    static func segment(_ number: UInt64) -> String { "seg-" + padded(number) + ".vseg" }

    /// The deletion vector of segment `segment` written by version `version` (`DeletionVector`).
    static func deletions(segment: UInt64, version: UInt64) -> String {
        "del-" + padded(segment) + "-" + padded(version) + ".vdel"
    }

    /// Whether `name` is a `del-S-V.vdel` name.
    static func isDeletions(_ name: String) -> Bool { name.hasPrefix("del-") && name.hasSuffix(".vdel") }

    /// The subdirectory holding the retained, superseded manifest versions.
    static let versionsDirectory = "versions"
    /// A retained manifest version, inside `versionsDirectory`.
    static func version(_ number: UInt64) -> String { "MANIFEST-" + padded(number) }

    /// The number of a `MANIFEST-N` name, or `nil` for another name.
    static func parseVersion(_ name: String) -> UInt64? {
        guard name.hasPrefix("MANIFEST-") else { return nil }
        return UInt64(name.dropFirst("MANIFEST-".count))
    }

    /// The number of a `wal-N.log` or `seg-N.vseg` name, or `nil` for another name.
    static func parse(_ name: String) -> (kind: Kind, number: UInt64)? {
        for kind in [Kind.wal, .segment] {
            let (prefix, suffix) = kind == .wal ? ("wal-", ".log") : ("seg-", ".vseg")
            guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { continue }
            guard let number = UInt64(name.dropFirst(prefix.count).dropLast(suffix.count)) else { return nil }
            return (kind, number)
        }
        return nil
    }

    enum Kind { case wal, segment }

    private static func padded(_ number: UInt64) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}
