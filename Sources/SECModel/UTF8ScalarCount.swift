/// Counts Unicode scalars on UTF-8 bytes: every byte that is not a continuation byte (`10xxxxxx`)
/// starts one. Eight bytes at a time: the canonical text of a large filing is counted once per parse.
public enum UTF8ScalarCount {
    /// The number of scalars in valid UTF-8 `bytes`.
    public static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var count = 0
        var index = 0
        while index + 8 <= bytes.count {
            count += 8 - continuationBytes(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        while index < bytes.count {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// The number of scalars in `text`.
    public static func of(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { of($0) }
    }

    /// The continuation bytes among the eight bytes of `word`: bit 7 set and bit 6 clear.
    @inline(__always) static func continuationBytes(_ word: UInt64) -> Int {
        let high: UInt64 = 0x8080_8080_8080_8080
        return (word & high & ~(word << 1)).nonzeroBitCount
    }
}
