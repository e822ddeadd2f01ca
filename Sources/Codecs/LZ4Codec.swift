import CLZ4

/// LZ4 blocks through liblz4, for hot data where decompression speed matters more than size.
///
/// A block does not record its decompressed size: callers store it beside the block.
public enum LZ4Codec {
    /// The largest input liblz4 accepts, in bytes.
    public static let maxInputBytes = Int(LZ4_MAX_INPUT_SIZE)

    /// Compresses `input` into one LZ4 block.
    public static func compress(_ input: [UInt8]) throws(CompressionError) -> [UInt8] {
        guard input.count <= maxInputBytes else {
            throw CompressionError(code: .tooLarge, codec: "lz4", message: "input of \(input.count) bytes")
        }
        let bound = Int(LZ4_compressBound(Int32(input.count)))
        var output = [UInt8](repeating: 0, count: max(bound, 1))
        let written = output.withUnsafeMutableBytes { out in
            input.withUnsafeBytes { inp in
                LZ4_compress_default(
                    inp.baseAddress?.assumingMemoryBound(to: CChar.self),
                    out.baseAddress?.assumingMemoryBound(to: CChar.self),
                    Int32(input.count),
                    Int32(out.count)
                )
            }
        }
        guard written > 0 || input.isEmpty else {
            throw CompressionError(code: .compressFailed, codec: "lz4", message: "LZ4_compress_default failed")
        }
        output.removeSubrange(Int(written)...)
        return output
    }

    /// Decompresses one LZ4 block whose decompressed size is known.
    ///
    /// - Parameter decompressedBytes: the exact size recorded when the block was written.
    public static func decompress(_ input: [UInt8], decompressedBytes: Int) throws(CompressionError) -> [UInt8] {
        guard decompressedBytes >= 0, decompressedBytes <= maxInputBytes else {
            throw CompressionError(code: .tooLarge, codec: "lz4", message: "declared size \(decompressedBytes)")
        }
        if decompressedBytes == 0 { return [] }
        var output = [UInt8](repeating: 0, count: decompressedBytes)
        let written = output.withUnsafeMutableBytes { out in
            input.withUnsafeBytes { inp in
                LZ4_decompress_safe(
                    inp.baseAddress?.assumingMemoryBound(to: CChar.self),
                    out.baseAddress?.assumingMemoryBound(to: CChar.self),
                    Int32(inp.count),
                    Int32(out.count)
                )
            }
        }
        guard written == Int32(decompressedBytes) else {
            throw CompressionError(
                code: .corruptInput,
                codec: "lz4",
                message: "block decoded to \(written) bytes, expected \(decompressedBytes)"
            )
        }
        return output
    }
}
