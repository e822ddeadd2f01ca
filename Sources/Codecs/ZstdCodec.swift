import CZstd

/// Zstandard frames through libzstd, for raw filings and cold data.
public enum ZstdCodec {
    /// Compresses `input` into one zstd frame (which records the content size).
    ///
    /// - Parameter level: zstd level, 1 (fast) to 19 (small); 3 is libzstd's default.
    public static func compress(_ input: [UInt8], level: Int32 = 3) throws(CompressionError) -> [UInt8] {
        let bound = ZSTD_compressBound(input.count)
        var output = [UInt8](repeating: 0, count: bound)
        let written = output.withUnsafeMutableBytes { out in
            input.withUnsafeBytes { inp in
                ZSTD_compress(out.baseAddress, bound, inp.baseAddress, inp.count, level)
            }
        }
        if ZSTD_isError(written) != 0 {
            throw CompressionError(code: .compressFailed, codec: "zstd", message: errorName(written))
        }
        output.removeSubrange(written...)
        return output
    }

    /// Decompresses one zstd frame.
    ///
    /// - Parameters:
    ///   - maxOutputBytes: refuse frames that declare more than this many bytes.
    ///   - expectedOutputBytes: the size the caller recorded elsewhere; required for frames written by
    ///     `ZstdStreamCompressor`, which do not record their content size. When both are known they
    ///     must agree.
    public static func decompress(
        _ input: [UInt8],
        maxOutputBytes: Int,
        expectedOutputBytes: Int? = nil
    ) throws(CompressionError) -> [UInt8] {
        var declared = input.withUnsafeBytes { ZSTD_getFrameContentSize($0.baseAddress, $0.count) }
        if declared == ZSTD_CONTENTSIZE_UNKNOWN, let expectedOutputBytes, expectedOutputBytes >= 0 {
            declared = UInt64(expectedOutputBytes)
        }
        if declared == ZSTD_CONTENTSIZE_ERROR || declared == ZSTD_CONTENTSIZE_UNKNOWN {
            throw CompressionError(code: .corruptInput, codec: "zstd", message: "no valid frame header")
        }
        if let expectedOutputBytes, declared != UInt64(expectedOutputBytes) {
            throw CompressionError(
                code: .corruptInput,
                codec: "zstd",
                message: "frame declares \(declared) bytes, expected \(expectedOutputBytes)"
            )
        }
        guard declared <= UInt64(maxOutputBytes) else {
            throw CompressionError(
                code: .tooLarge,
                codec: "zstd",
                message: "frame declares \(declared) bytes, limit is \(maxOutputBytes)"
            )
        }
        let capacity = Int(declared)
        var output = [UInt8](repeating: 0, count: capacity)
        let written = output.withUnsafeMutableBytes { out in
            input.withUnsafeBytes { inp in
                ZSTD_decompress(out.baseAddress, capacity, inp.baseAddress, inp.count)
            }
        }
        if ZSTD_isError(written) != 0 {
            throw CompressionError(code: .corruptInput, codec: "zstd", message: errorName(written))
        }
        guard written == capacity else {
            throw CompressionError(
                code: .corruptInput,
                codec: "zstd",
                message: "frame declared \(capacity) bytes but held \(written)"
            )
        }
        return output
    }

    private static func errorName(_ code: Int) -> String {
        guard let name = ZSTD_getErrorName(code) else { return "unknown zstd error" }
        return String(cString: name)
    }
}
