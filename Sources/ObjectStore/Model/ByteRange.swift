/// A byte range of an object: `lengthBytes` bytes from `offsetBytes`.
///
/// Invariants: `offsetBytes >= 0`, `lengthBytes >= 1`. A read returns the bytes of the range that lie
/// inside the object (fewer when the range runs past its end, as HTTP ranges do); a range that starts
/// at or past the end is `ObjectStoreError.Code.badInput`.
public struct ByteRange: Hashable, Sendable, CustomStringConvertible {
    public let offsetBytes: Int
    public let lengthBytes: Int

    public init(offsetBytes: Int, lengthBytes: Int) {
        precondition(offsetBytes >= 0 && lengthBytes >= 1, "a byte range needs offset >= 0 and length >= 1")
        self.offsetBytes = offsetBytes
        self.lengthBytes = lengthBytes
    }

    /// The first byte past the range.
    public var endBytes: Int { offsetBytes + lengthBytes }

    /// The HTTP `Range` header value (`bytes=first-last`, both inclusive).
    public var headerValue: String { "bytes=\(offsetBytes)-\(endBytes - 1)" }

    public var description: String { "[\(offsetBytes), \(endBytes))" }
}
