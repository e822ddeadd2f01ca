import Codecs

/// One record of the embedding cache log (format in `docs/formats/embedding-cache.md`).
///
/// Layout, little-endian: `payloadLength: u32`, `crc32c(payload): u32`, then the payload:
/// `modelIDLength: u16`, the model id in UTF-8, the 32-byte SHA-256 of the text, `dimension: u32`,
/// `dimension` IEEE-754 float32 components.
struct EmbeddingCacheRecord {
    /// Bytes before the payload: length and checksum.
    static let headerBytes = 8
    /// Largest payload a writer produces; a longer length field is damage, not data.
    static let payloadBytesMax = 2 + Int(UInt16.max) + 32 + 4 + 4 * dimensionMax
    /// Largest vector the cache stores, in components.
    static let dimensionMax = 65_536

    var key: EmbeddingCacheKey
    var vector: [Float]

    /// The record's bytes, header included.
    func encoded() -> [UInt8] {
        let model = Array(key.modelID.utf8)
        var payload: [UInt8] = []
        payload.reserveCapacity(2 + model.count + 32 + 4 + 4 * vector.count)
        Self.append(UInt16(model.count), to: &payload)
        payload.append(contentsOf: model)
        payload.append(contentsOf: key.textDigest)
        Self.append(UInt32(vector.count), to: &payload)
        for component in vector { Self.append(component.bitPattern, to: &payload) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.headerBytes + payload.count)
        Self.append(UInt32(payload.count), to: &bytes)
        Self.append(CRC32C.checksum(payload), to: &bytes)
        bytes.append(contentsOf: payload)
        return bytes
    }

    /// Parses a payload whose checksum has been verified; `nil` when its fields are inconsistent.
    static func decode(payload: ArraySlice<UInt8>) -> (key: EmbeddingCacheKey, vectorOffset: Int, dimension: Int)? {
        var cursor = payload.startIndex
        guard let modelLength = read(UInt16.self, payload, &cursor) else { return nil }
        guard payload.endIndex - cursor >= Int(modelLength) + 32 else { return nil }
        let model = String(decoding: payload[cursor..<(cursor + Int(modelLength))], as: UTF8.self)
        cursor += Int(modelLength)
        let digest = Array(payload[cursor..<(cursor + 32)])
        cursor += 32
        guard let dimension = read(UInt32.self, payload, &cursor), Int(dimension) <= dimensionMax,
            payload.endIndex - cursor == 4 * Int(dimension)
        else { return nil }
        return (EmbeddingCacheKey(modelID: model, textDigest: digest), cursor, Int(dimension))
    }

    static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    static func read<T: FixedWidthInteger>(_: T.Type, _ bytes: ArraySlice<UInt8>, _ cursor: inout Int) -> T? {
        let size = MemoryLayout<T>.size
        guard bytes.endIndex - cursor >= size else { return nil }
        var value: T = 0
        for index in 0..<size { value |= T(bytes[cursor + index]) << (8 * index) }
        cursor += size
        return value
    }

    /// Float32 components stored little-endian at `offset` of `bytes`.
    static func floats(_ bytes: ArraySlice<UInt8>, at offset: Int, count: Int) -> [Float] {
        var cursor = offset
        return (0..<count).map { _ in Float(bitPattern: read(UInt32.self, bytes, &cursor) ?? 0) }
    }
}
