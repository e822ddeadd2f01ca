import CZlib

/// Gzip members (RFC 1952: deflate with a CRC-32 trailer) through zlib, for data read by tools that
/// only speak gzip.
///
/// Like LZ4 blocks, callers store the decompressed size beside the member.
public enum GzipCodec {
    /// The largest input accepted, in bytes (zlib counts in 32-bit `uInt`).
    public static let maxInputBytes = Int(Int32.max)
    /// zlib's compression level: 6 is its default balance of speed and size.
    public static let level: Int32 = 6

    /// Compresses `input` into one gzip member.
    public static func compress(_ input: [UInt8]) throws(CompressionError) -> [UInt8] {
        guard input.count <= maxInputBytes else {
            throw CompressionError(code: .tooLarge, codec: "gzip", message: "input of \(input.count) bytes")
        }
        var stream = z_stream()
        guard vectordb_deflate_init_gzip(&stream, level) == Z_OK else {
            throw CompressionError(code: .compressFailed, codec: "gzip", message: "deflateInit2 failed")
        }
        defer { deflateEnd(&stream) }
        // The gzip header and trailer (18 bytes) on top of zlib's own bound.
        let bound = Int(deflateBound(&stream, uLong(input.count))) + 18
        var output = [UInt8](repeating: 0, count: bound)
        let status = run(&stream, input, into: &output) { deflate(&$0, Z_FINISH) }
        guard status == Z_STREAM_END else {
            throw CompressionError(code: .compressFailed, codec: "gzip", message: "deflate returned \(status)")
        }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    /// Decompresses one gzip member whose decompressed size is known.
    ///
    /// - Parameter decompressedBytes: the exact size recorded when the member was written.
    /// - Throws: `corruptInput` when the member is damaged, truncated (CRC-32 or length mismatch) or
    ///   decodes to another size; `tooLarge` for a declared size over the limit.
    public static func decompress(_ input: [UInt8], decompressedBytes: Int) throws(CompressionError) -> [UInt8] {
        guard decompressedBytes >= 0, decompressedBytes <= maxInputBytes, input.count <= maxInputBytes else {
            throw CompressionError(code: .tooLarge, codec: "gzip", message: "declared size \(decompressedBytes)")
        }
        var stream = z_stream()
        guard vectordb_inflate_init_gzip(&stream) == Z_OK else {
            throw CompressionError(code: .compressFailed, codec: "gzip", message: "inflateInit2 failed")
        }
        defer { inflateEnd(&stream) }
        // One spare byte: a member that decodes to more than declared fills it instead of stopping.
        var output = [UInt8](repeating: 0, count: decompressedBytes + 1)
        let status = run(&stream, input, into: &output) { inflate(&$0, Z_FINISH) }
        guard status == Z_STREAM_END, Int(stream.total_out) == decompressedBytes else {
            throw CompressionError(
                code: .corruptInput,
                codec: "gzip",
                message: "member decoded to \(stream.total_out) bytes (status \(status)), expected \(decompressedBytes)"
            )
        }
        output.removeLast()
        return output
    }

    /// Points `stream` at all of `input` and all of `output`, then runs `step` once (with
    /// `Z_FINISH`, the whole job); returns zlib's status.
    private static func run(
        _ stream: inout z_stream,
        _ input: [UInt8],
        into output: inout [UInt8],
        _ step: (inout z_stream) -> Int32
    ) -> Int32 {
        var input = input
        return input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { destination in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = destination.baseAddress
                stream.avail_out = uInt(destination.count)
                return step(&stream)
            }
        }
    }
}
