/// A validated object key: 1 to 1,024 bytes of `[A-Za-z0-9._-]` segments joined by `/`, with no empty
/// segment and none that begins with `.` (so no `.`, `..` or hidden name), so it is safe as a relative
/// file path and as a URL path, and dot names stay free for a store's own files.
public struct ObjectKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// - Throws: `ObjectStoreError.invalidKey` naming the key.
    public init(_ rawValue: String) throws(ObjectStoreError) {
        guard !rawValue.isEmpty, rawValue.utf8.count <= 1_024 else {
            throw ObjectStoreError(code: .invalidKey, key: rawValue, message: "key must be 1 to 1024 bytes")
        }
        for segment in rawValue.split(separator: "/", omittingEmptySubsequences: false) {
            guard !segment.isEmpty, !segment.hasPrefix("."), segment.utf8.allSatisfy({ Self.allowed.contains($0) })
            else {
                throw ObjectStoreError(
                    code: .invalidKey,
                    key: rawValue,
                    message: "segment '\(segment)' must be non-empty [A-Za-z0-9._-] not starting with '.'"
                )
            }
        }
        self.rawValue = rawValue
    }

    private static let allowed: Set<UInt8> = Set(
        Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-".utf8)
    )

    public var description: String { rawValue }

    public static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool { lhs.rawValue < rhs.rawValue }
}
