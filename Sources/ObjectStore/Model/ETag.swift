/// An object's entity tag: an opaque version token that changes whenever the object's bytes change.
///
/// Stored without the surrounding quotes S3 puts on the wire (`headerValue` adds them). For a
/// single-part object both backends use the hex MD5 of the bytes (32 lower-case digits); a multipart
/// object's is the MD5 of its parts' MD5s, a dash and the part count (`…-3`), as S3 computes it.
/// Compare ETags for equality only; never parse them.
public struct ETag: Hashable, Sendable, CustomStringConvertible {
    /// The tag without quotes; never empty.
    public let rawValue: String

    /// Accepts the tag with or without its quotes (and a weak `W/` prefix, which S3 never sends).
    public init(_ text: String) {
        var value = Substring(text)
        if value.hasPrefix("W/") { value = value.dropFirst(2) }
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = value.dropFirst().dropLast() }
        rawValue = String(value)
    }

    /// The quoted form for `If-Match` and `ETag` headers.
    public var headerValue: String { "\"\(rawValue)\"" }

    /// Whether this is a single-part MD5 ETag (32 hex digits), which a whole-object read can verify.
    public var isContentMD5: Bool {
        rawValue.utf8.count == 32
            && rawValue.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    public var description: String { headerValue }
}
