import Codecs
import Testing

@Suite struct CodecsTests {
    private let text = [UInt8](String(repeating: "Item 1A. Risk Factors — foundry capacity. ", count: 200).utf8)

    @Test func zstdRoundTripsAndShrinks() throws {
        let compressed = try ZstdCodec.compress(text)
        #expect(compressed.count < text.count / 5)
        #expect(try ZstdCodec.decompress(compressed, maxOutputBytes: text.count) == text)
    }

    @Test func zstdRefusesFramesOverTheLimitAndGarbage() throws {
        let compressed = try ZstdCodec.compress(text)
        #expect(throws: CompressionError.self) { try ZstdCodec.decompress(compressed, maxOutputBytes: 100) }
        #expect(throws: CompressionError.self) {
            try ZstdCodec.decompress(Array(compressed.prefix(10)), maxOutputBytes: 1 << 20)
        }
        #expect(throws: CompressionError.self) {
            try ZstdCodec.decompress([1, 2, 3, 4, 5, 6, 7, 8], maxOutputBytes: 1 << 20)
        }
    }

    @Test func zstdStreamsInPiecesIntoOneFrame() throws {
        let compressor = try ZstdStreamCompressor()
        var frame: [UInt8] = []
        var crc: UInt32 = 0
        for start in stride(from: 0, to: text.count, by: 1_000) {
            let piece = Array(text[start..<min(start + 1_000, text.count)])
            crc = piece.withUnsafeBytes { CRC32C.checksum($0, continuing: crc) }
            frame += try piece.withUnsafeBytes { try compressor.compress($0) }
        }
        frame += try compressor.finish()
        #expect(crc == CRC32C.checksum(text))
        #expect(frame.count < text.count / 5)
        // The streamed frame does not record its size: the caller supplies it, and must be right.
        #expect(throws: CompressionError.self) { try ZstdCodec.decompress(frame, maxOutputBytes: text.count) }
        #expect(
            try ZstdCodec.decompress(frame, maxOutputBytes: text.count, expectedOutputBytes: text.count) == text
        )
        #expect(throws: CompressionError.self) {
            try ZstdCodec.decompress(frame, maxOutputBytes: text.count, expectedOutputBytes: text.count - 1)
        }
    }

    @Test func lz4RoundTripsAndDetectsDamage() throws {
        let compressed = try LZ4Codec.compress(text)
        #expect(compressed.count < text.count)
        #expect(try LZ4Codec.decompress(compressed, decompressedBytes: text.count) == text)
        #expect(throws: CompressionError.self) {
            try LZ4Codec.decompress(Array(compressed.prefix(compressed.count / 2)), decompressedBytes: text.count)
        }
        #expect(try LZ4Codec.decompress(try LZ4Codec.compress([]), decompressedBytes: 0) == [])
    }

    @Test func gzipRoundTripsIsReadableByGzipAndDetectsDamage() throws {
        let compressed = try GzipCodec.compress(text)
        #expect(compressed.count < text.count)
        #expect(Array(compressed.prefix(2)) == [0x1F, 0x8B], "not a gzip member")
        #expect(try GzipCodec.decompress(compressed, decompressedBytes: text.count) == text)
        #expect(throws: CompressionError.self) {
            try GzipCodec.decompress(Array(compressed.prefix(compressed.count / 2)), decompressedBytes: text.count)
        }
        var flipped = compressed
        flipped[flipped.count - 6] ^= 0x40
        #expect(throws: CompressionError.self) { try GzipCodec.decompress(flipped, decompressedBytes: text.count) }
        #expect(throws: CompressionError.self) {
            try GzipCodec.decompress(compressed, decompressedBytes: text.count - 1)
        }
        #expect(try GzipCodec.decompress(try GzipCodec.compress([]), decompressedBytes: 0) == [])
    }

    @Test func crc32cMatchesTheStandardCheckValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        let whole = CRC32C.checksum(text)
        let split = CRC32C.checksum(text[500...], continuing: CRC32C.checksum(text[..<500]))
        #expect(whole == split)
    }
}
