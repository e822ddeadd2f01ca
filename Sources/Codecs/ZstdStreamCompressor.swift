import CZstd

/// Compresses a stream of buffers into one zstd frame (`ZSTD_compressStream2`), so a body of any size
/// is compressed with memory bounded by libzstd's window and one output block.
///
/// The frame does not record its content size (it is not known in advance); `ZstdCodec.decompress`
/// takes the expected size from the caller for such frames.
public final class ZstdStreamCompressor {
    private let context: OpaquePointer
    /// One output block, reused for every call (`ZSTD_CStreamOutSize()` bytes).
    private var scratch: [UInt8]

    /// - Parameter level: zstd level, 1 (fast) to 19 (small); 3 is libzstd's default.
    /// - Throws: `CompressionError.compressFailed` when libzstd cannot allocate a context.
    public init(level: Int32 = 3) throws(CompressionError) {
        guard let context = ZSTD_createCCtx() else {
            throw CompressionError(code: .compressFailed, codec: "zstd", message: "cannot allocate a context")
        }
        self.context = context
        self.scratch = [UInt8](repeating: 0, count: ZSTD_CStreamOutSize())
        let status = ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level)
        if ZSTD_isError(status) != 0 {
            throw CompressionError(code: .compressFailed, codec: "zstd", message: Self.errorName(status))
        }
    }

    deinit { ZSTD_freeCCtx(context) }

    /// Feeds `input`; returns the compressed bytes libzstd emitted (often none: it buffers a block).
    public func compress(_ input: UnsafeRawBufferPointer) throws(CompressionError) -> [UInt8] {
        try run(input, directive: ZSTD_e_continue)
    }

    /// Ends the frame; returns its remaining compressed bytes. Call once, after the last `compress`.
    public func finish() throws(CompressionError) -> [UInt8] {
        try run(UnsafeRawBufferPointer(start: nil, count: 0), directive: ZSTD_e_end)
    }

    private func run(_ input: UnsafeRawBufferPointer, directive: ZSTD_EndDirective) throws(CompressionError) -> [UInt8]
    {
        var produced: [UInt8] = []
        var source = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
        var failure: Int?
        scratch.withUnsafeMutableBytes { block in
            while true {
                var sink = ZSTD_outBuffer(dst: block.baseAddress, size: block.count, pos: 0)
                let remaining = ZSTD_compressStream2(context, &sink, &source, directive)
                if ZSTD_isError(remaining) != 0 {
                    failure = remaining
                    return
                }
                produced.append(contentsOf: UnsafeRawBufferPointer(rebasing: block[0..<sink.pos]))
                // `continue`: done once the input is consumed; `end`: done once libzstd has flushed everything.
                let finished = directive == ZSTD_e_end ? remaining == 0 : source.pos == source.size
                if finished { return }
            }
        }
        if let failure {
            throw CompressionError(code: .compressFailed, codec: "zstd", message: Self.errorName(failure))
        }
        return produced
    }

    private static func errorName(_ code: Int) -> String {
        guard let name = ZSTD_getErrorName(code) else { return "unknown zstd error" }
        return String(cString: name)
    }
}
