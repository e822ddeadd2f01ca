import NIOCore

/// A large deterministic body generated on the fly (no fixture file): 64-byte lines of letters
/// whose pattern depends on the offset, so a lost, repeated or reordered piece changes the bytes.
public struct GeneratedBody: Sendable, Hashable {
    public var bytes: Int
    /// `false`: no Content-Length, sent with chunked transfer encoding.
    public var declaresLength = true

    public init(bytes: Int, declaresLength: Bool = true) {
        self.bytes = bytes
        self.declaresLength = declaresLength
    }

    public static func byte(at offset: Int) -> UInt8 {
        if offset % 64 == 63 { return UInt8(ascii: "\n") }
        return UInt8(ascii: "a") + UInt8((offset / 64 &+ offset) % 26)
    }

    /// The pattern repeats every 26 lines; pieces are copied from one period (fast even unoptimised).
    public static let period: [UInt8] = (0..<(26 * 64)).map(byte(at:))

    /// Appends bytes `range` to `buffer`.
    public static func write(_ range: Range<Int>, into buffer: inout ByteBuffer) {
        var offset = range.lowerBound
        period.withUnsafeBytes { pattern in
            while offset < range.upperBound {
                let start = offset % pattern.count
                let count = min(pattern.count - start, range.upperBound - offset)
                buffer.writeBytes(UnsafeRawBufferPointer(rebasing: pattern[start..<(start + count)]))
                offset += count
            }
        }
    }

    /// The first `count` bytes, for comparing with what landed in the cache.
    public static func expected(_ count: Int) -> [UInt8] {
        var buffer = ByteBufferAllocator().buffer(capacity: count)
        write(0..<count, into: &buffer)
        return Array(buffer.readableBytesView)
    }
}
