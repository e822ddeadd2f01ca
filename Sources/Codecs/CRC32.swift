import CZlib

/// CRC-32 with the gzip / zlib polynomial (0x04C11DB7, reflected), through zlib: the checksum
/// Parquet page headers carry (`PageHeader.crc`). Not to be confused with `CRC32C`, the store's own
/// block checksum.
public enum CRC32 {
    /// The checksum of `bytes` (of `[]`: 0).
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            var crc = crc32(0, nil, 0)
            var rest = UnsafeBufferPointer(rebasing: buffer[...])
            // zlib takes a 32-bit length: feed pages over 4 GiB in parts.
            while !rest.isEmpty {
                let part = min(rest.count, Int(UInt32.max))
                crc = crc32(crc, rest.baseAddress, UInt32(part))
                rest = UnsafeBufferPointer(rebasing: rest[part...])
            }
            return UInt32(truncatingIfNeeded: crc)
        }
    }
}
