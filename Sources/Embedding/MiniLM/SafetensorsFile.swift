import Foundation

/// A `.safetensors` file, memory-mapped, with its header validated.
///
/// Layout: an 8-byte little-endian header length `n`, `n` bytes of UTF-8 JSON mapping each tensor name
/// to `{"dtype", "shape", "data_offsets": [begin, end]}` (byte offsets relative to the end of the
/// header), then the tensor data. `__metadata__` is ignored. Every entry is checked on open: known
/// dtype, non-negative shape, `begin <= end <= data size`, and `end - begin == elements × dtype size`.
final class SafetensorsFile: @unchecked Sendable {
    /// One tensor's header entry.
    struct Entry: Sendable, Hashable {
        var dtype: String
        var shape: [Int]
        /// Byte range inside the data section.
        var dataRange: Range<Int>
    }

    /// Largest header accepted, in bytes (the format's own limit).
    static let headerBytesMax = 100_000_000
    static let dtypeSizes: [String: Int] = [
        "F64": 8, "F32": 4, "F16": 2, "BF16": 2, "I64": 8, "I32": 4, "I16": 2, "I8": 1, "U8": 1, "BOOL": 1,
    ]

    let path: String
    let model: String
    let entries: [String: Entry]
    private let mapping: MappedFile
    private let dataOffsetBytes: Int

    /// Every byte of the file.
    var mappedBytes: UnsafeRawBufferPointer { mapping.bytes }

    /// Maps and validates a safetensors file.
    ///
    /// - Throws: `EmbeddingError` naming the file: `permanent` when it cannot be read, `corruption`
    ///   when it is truncated or its header is malformed or inconsistent (naming the tensor).
    init(path: String, model: String) throws(EmbeddingError) {
        self.path = path
        self.model = model
        mapping = try MappedFile(path: path, model: model)
        let bytes = mapping.bytes
        guard bytes.count >= 8 else {
            throw EmbeddingError(
                code: .corruption,
                model: model,
                message: "truncated: \(bytes.count) bytes, no header length",
                file: path
            )
        }
        var headerBytes = 0
        for index in 0..<8 { headerBytes |= Int(bytes[index]) << (8 * index) }
        guard headerBytes >= 2, headerBytes <= Self.headerBytesMax, headerBytes <= bytes.count - 8 else {
            throw EmbeddingError(
                code: .corruption,
                model: model,
                message: "truncated or corrupt: header length \(headerBytes) bytes, file size \(bytes.count) bytes",
                file: path
            )
        }
        dataOffsetBytes = 8 + headerBytes
        let header = Data(bytes[8..<dataOffsetBytes])
        entries = try Self.parseHeader(header, dataBytes: bytes.count - dataOffsetBytes, path: path, model: model)
    }

    /// The float32 data of a tensor whose shape must equal `shape`, as a view into the mapping
    /// (valid while this file is alive).
    ///
    /// - Throws: `EmbeddingError` (`corruption`) naming the file and tensor when it is absent, not
    ///   `F32`, misaligned or of another shape.
    func floats(_ name: String, shape: [Int]) throws(EmbeddingError) -> UnsafeBufferPointer<Float> {
        guard let entry = entries[name] else {
            throw EmbeddingError(code: .corruption, model: model, message: "missing tensor", file: path, tensor: name)
        }
        guard entry.dtype == "F32" else {
            throw EmbeddingError(
                code: .corruption,
                model: model,
                message: "dtype \(entry.dtype) is not supported; expected F32",
                file: path,
                tensor: name
            )
        }
        guard entry.shape == shape else {
            throw EmbeddingError(
                code: .corruption,
                model: model,
                message: "shape \(entry.shape), expected \(shape)",
                file: path,
                tensor: name
            )
        }
        let start = dataOffsetBytes + entry.dataRange.lowerBound
        guard let base = mapping.bytes.baseAddress, start % MemoryLayout<Float>.alignment == 0 else {
            throw EmbeddingError(
                code: .corruption,
                model: model,
                message: "data at byte \(start) is not 4-byte aligned",
                file: path,
                tensor: name
            )
        }
        let count = entry.dataRange.count / MemoryLayout<Float>.size
        return UnsafeBufferPointer(start: (base + start).assumingMemoryBound(to: Float.self), count: count)
    }

    private static func parseHeader(
        _ header: Data,
        dataBytes: Int,
        path: String,
        model: String
    )
        throws(EmbeddingError) -> [String: Entry]
    {
        func corrupt(_ message: String, _ tensor: String? = nil) -> EmbeddingError {
            EmbeddingError(code: .corruption, model: model, message: message, file: path, tensor: tensor)
        }
        guard let object = try? JSONSerialization.jsonObject(with: header), let table = object as? [String: Any] else {
            throw corrupt("the header is not a JSON object")
        }
        var entries: [String: Entry] = [:]
        for (name, value) in table where name != "__metadata__" {
            guard let fields = value as? [String: Any], let dtype = fields["dtype"] as? String,
                let shape = fields["shape"] as? [Int], let offsets = fields["data_offsets"] as? [Int],
                offsets.count == 2
            else { throw corrupt("malformed header entry (needs dtype, shape, data_offsets)", name) }
            guard let elementBytes = dtypeSizes[dtype] else { throw corrupt("unknown dtype \(dtype)", name) }
            guard shape.allSatisfy({ $0 >= 0 }) else { throw corrupt("negative dimension in shape \(shape)", name) }
            let (begin, end) = (offsets[0], offsets[1])
            guard begin >= 0, begin <= end else { throw corrupt("data_offsets [\(begin), \(end)] are inverted", name) }
            guard end <= dataBytes else {
                throw corrupt("truncated: data ends at byte \(end) but the data section has \(dataBytes) bytes", name)
            }
            var elements = 1
            for dimension in shape {
                let (product, overflow) = elements.multipliedReportingOverflow(by: dimension)
                guard !overflow else { throw corrupt("shape \(shape) overflows", name) }
                elements = product
            }
            let needed = elements.multipliedReportingOverflow(by: elementBytes)
            guard !needed.overflow, needed.partialValue == end - begin else {
                throw corrupt(
                    "shape \(shape) of \(dtype) needs \(elements * elementBytes) bytes, has \(end - begin)",
                    name
                )
            }
            entries[name] = Entry(dtype: dtype, shape: shape, dataRange: begin..<end)
        }
        return entries
    }
}
