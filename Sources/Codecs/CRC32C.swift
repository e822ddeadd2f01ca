import CIntrinsics

/// CRC-32C (Castagnoli), the checksum of every persisted record and block.
///
/// The polynomial is the one used by iSCSI, ext4 and LevelDB. Computed with the CPU's CRC-32C
/// instruction when it has one (SSE4.2 `crc32` on x86-64, checked once at run time), else with a
/// byte-wise table; both give the same result (`software` is kept as the reference).
public enum CRC32C {
    private static let table: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
        return crc
    }

    /// Whether checksums use the CPU's CRC-32C instruction.
    public static let isHardwareAccelerated = vectordb_crc32c_hardware_available() != 0

    /// The checksum of `bytes`, optionally continuing from a previous `checksum` result.
    public static func checksum<Bytes: Sequence<UInt8>>(_ bytes: Bytes, continuing previous: UInt32 = 0) -> UInt32 {
        if let result = bytes.withContiguousStorageIfAvailable({
            checksum(UnsafeRawBufferPointer($0), continuing: previous)
        }) {
            return result
        }
        var crc = ~previous
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }

    /// The checksum of raw memory, optionally continuing from a previous result; the fast path for
    /// streamed bodies and mapped blocks (no generic iteration).
    public static func checksum(_ buffer: UnsafeRawBufferPointer, continuing previous: UInt32 = 0) -> UInt32 {
        guard isHardwareAccelerated, let base = buffer.baseAddress else {
            return software(buffer, continuing: previous)
        }
        return ~vectordb_crc32c_update(~previous, base, buffer.count)
    }

    /// The table-driven checksum, whatever the CPU: the reference the hardware path is tested against.
    public static func software(_ buffer: UnsafeRawBufferPointer, continuing previous: UInt32 = 0) -> UInt32 {
        var crc = ~previous
        table.withUnsafeBufferPointer { lookup in
            for byte in buffer { crc = lookup[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        }
        return ~crc
    }
}
