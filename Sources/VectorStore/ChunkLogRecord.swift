import Codecs
import Foundation
import SECModel

/// The byte layout of one record of the chunk log (docs/formats/chunk-log.md). One record holds one
/// upsert batch, so a batch is durable whole or not at all:
///
/// ```
/// header (12 bytes): magic u32 = 0x52424456 ("VDBR" little-endian) | payloadBytes u32 | crc32c u32 (of payload)
/// payload: entryCount u32, then per entry:
///     flags u8 (bit 0: metadata is LZ4) | metadataRawBytes u32 | metadataStoredBytes u32 |
///     metadata (JSON of `Chunk`) | dimension u32 | dimension × float32
/// ```
/// All integers and floats are little-endian.
enum ChunkLogRecord {
    static let magic: UInt32 = 0x5242_4456
    static let headerBytes = 12
    /// Upper bound of one payload (one batch); larger batches are refused, larger headers are corruption.
    static let payloadBytesMax = 64 * 1024 * 1024

    /// Encodes one batch as one record, header included.
    static func encode(_ records: [ChunkRecord]) throws(StoreError) -> [UInt8] {
        var payload: [UInt8] = []
        payload.appendLittleEndian(UInt32(records.count))
        for record in records {
            let metadata: [UInt8]
            do {
                metadata = [UInt8](try JSONEncoder().encode(record.chunk))
            } catch {
                throw StoreError(code: .badInput, message: "chunk \(record.chunk.id): cannot encode: \(error)")
            }
            var stored = metadata
            var flags: UInt8 = 0
            if metadata.count >= 256, let compressed = try? LZ4Codec.compress(metadata),
                compressed.count < metadata.count
            {
                stored = compressed
                flags = 1
            }
            payload.append(flags)
            payload.appendLittleEndian(UInt32(metadata.count))
            payload.appendLittleEndian(UInt32(stored.count))
            payload.append(contentsOf: stored)
            payload.appendLittleEndian(UInt32(record.vector.count))
            for component in record.vector { payload.appendLittleEndian(component.bitPattern) }
        }
        guard payload.count <= payloadBytesMax else {
            throw StoreError(
                code: .badInput,
                message:
                    "batch of \(records.count) records is \(payload.count) bytes, over the \(payloadBytesMax)-byte limit; split it"
            )
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(headerBytes + payload.count)
        bytes.appendLittleEndian(magic)
        bytes.appendLittleEndian(UInt32(payload.count))
        bytes.appendLittleEndian(CRC32C.checksum(payload))
        bytes.append(contentsOf: payload)
        return bytes
    }

    /// Decodes a payload whose checksum has been verified.
    static func decodePayload(
        _ payload: ArraySlice<UInt8>,
        file: String,
        offset: Int
    ) throws(StoreError) -> [ChunkRecord] {
        var reader = ByteReader(payload)
        func corrupt(_ message: String) -> StoreError {
            StoreError(code: .corruption, message: "chunk log record: \(message)", file: file, offsetBytes: offset)
        }
        guard let count = reader.readUInt32() else { throw corrupt("missing entry count") }
        var records: [ChunkRecord] = []
        for entry in 0..<Int(count) {
            guard let flags = reader.readByte(), let rawBytes = reader.readUInt32(),
                let storedBytes = reader.readUInt32(), let stored = reader.readBytes(Int(storedBytes))
            else { throw corrupt("entry \(entry): truncated metadata") }
            let metadata: [UInt8]
            if flags & 1 == 1 {
                do {
                    metadata = try LZ4Codec.decompress(Array(stored), decompressedBytes: Int(rawBytes))
                } catch {
                    throw corrupt("entry \(entry): metadata block: \(error)")
                }
            } else {
                metadata = Array(stored)
            }
            let chunk: Chunk
            do {
                chunk = try JSONDecoder().decode(Chunk.self, from: Data(metadata))
            } catch {
                throw corrupt("entry \(entry): metadata JSON: \(error)")
            }
            guard let dimension = reader.readUInt32(), Int(dimension) * 4 <= reader.remaining else {
                throw corrupt("entry \(entry): vector runs past the record")
            }
            var vector: [Float] = []
            vector.reserveCapacity(Int(dimension))
            for _ in 0..<Int(dimension) {
                guard let bits = reader.readUInt32() else { throw corrupt("entry \(entry): short vector") }
                vector.append(Float(bitPattern: bits))
            }
            records.append(ChunkRecord(chunk: chunk, vector: vector))
        }
        guard reader.remaining == 0 else { throw corrupt("\(reader.remaining) trailing bytes") }
        return records
    }
}

extension [UInt8] {
    mutating func appendLittleEndian(_ value: UInt32) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
        append(UInt8(truncatingIfNeeded: value >> 16))
        append(UInt8(truncatingIfNeeded: value >> 24))
    }
}

/// Sequential little-endian reads over a byte slice; every read returns `nil` past the end.
struct ByteReader {
    private let bytes: ArraySlice<UInt8>
    private var position: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.position = bytes.startIndex
    }

    var remaining: Int { bytes.endIndex - position }

    mutating func readByte() -> UInt8? {
        guard position < bytes.endIndex else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func readUInt32() -> UInt32? {
        guard remaining >= 4 else { return nil }
        var value: UInt32 = 0
        for shift in 0..<4 { value |= UInt32(bytes[position + shift]) << (8 * shift) }
        position += 4
        return value
    }

    mutating func readBytes(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, remaining >= count else { return nil }
        defer { position += count }
        return bytes[position..<(position + count)]
    }
}
