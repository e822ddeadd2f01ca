/// Constants and the header of the HNSW index file (docs/hnsw.md, "Index file", byte by byte).
///
/// A 256-byte header, then up to seven sections, each starting at a 64-byte-aligned offset, used in
/// place from a read-only memory map. All integers are little-endian.
enum IndexFileFormat {
    static let magic: [UInt8] = Array("HNSWIDX1".utf8)
    static let version: UInt32 = 1
    static let headerBytes = 256
    static let sectionAlignmentBytes = 64
    /// Bytes of the header covered by its checksum (the checksum itself is stored after them).
    static let headerChecksummedBytes = 248
    static let sectionTableOffsetBytes = 72

    /// The sections in file order.
    enum Section: Int, CaseIterable {
        case vectors, levels, level0, upper, codeOffsets, codes, corrections
    }

    /// Where a section lies and what it must hash to.
    struct SectionEntry: Equatable {
        var offsetBytes: Int
        var sizeBytes: Int
        var checksum: UInt64
    }

    /// The decoded header fields.
    struct Header: Equatable {
        var metric: Metric
        var dimension: Int
        var m: Int
        var count: Int
        var efConstruction: Int
        var efSearch: Int
        var seed: UInt64
        var entryPoint: Int32
        var maxLevel: Int32
        var quantization: Quantization
        var codeStride: Int
        var step: Float
        var sections: [SectionEntry]

        /// The 256 header bytes, checksum included.
        func encoded() -> [UInt8] {
            var bytes = IndexFileFormat.magic
            bytes.appendLittleEndian(IndexFileFormat.version)
            bytes.appendLittleEndian(UInt32(Metric.allCases.firstIndex(of: metric) ?? 0))
            bytes.appendLittleEndian(UInt32(dimension))
            bytes.appendLittleEndian(UInt32(m))
            bytes.appendLittleEndian(UInt64(count))
            bytes.appendLittleEndian(UInt32(efConstruction))
            bytes.appendLittleEndian(UInt32(efSearch))
            bytes.appendLittleEndian(seed)
            bytes.appendLittleEndian(UInt32(bitPattern: entryPoint))
            bytes.appendLittleEndian(UInt32(bitPattern: maxLevel))
            bytes.appendLittleEndian(UInt32(quantization == .int8 ? 1 : 0))
            bytes.appendLittleEndian(UInt32(codeStride))
            bytes.appendLittleEndian(step.bitPattern)
            bytes.appendLittleEndian(UInt32(0))
            for section in sections {
                bytes.appendLittleEndian(UInt64(section.offsetBytes))
                bytes.appendLittleEndian(UInt64(section.sizeBytes))
                bytes.appendLittleEndian(section.checksum)
            }
            bytes.appendLittleEndian(UInt64(0))
            let checksum = bytes.withUnsafeBytes { IndexFileFormat.checksum($0) }
            bytes.appendLittleEndian(checksum)
            return bytes
        }

        /// Decodes and checks the header framing (magic, version, checksum, enumerations); field
        /// ranges and section sizes are checked by the caller against the file.
        static func decode(
            _ bytes: UnsafeRawBufferPointer,
            failure: (String) -> HNSWError
        ) throws(HNSWError) -> Header {
            guard bytes.count >= IndexFileFormat.headerBytes else { throw failure("file shorter than its header") }
            guard Array(bytes[0..<8]) == IndexFileFormat.magic else { throw failure("not an HNSW index file") }
            func u32(_ offset: Int) -> UInt32 { bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self) }
            func u64(_ offset: Int) -> UInt64 { bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
            let stored = u64(IndexFileFormat.headerChecksummedBytes)
            let computed = IndexFileFormat.checksum(
                UnsafeRawBufferPointer(rebasing: bytes[0..<IndexFileFormat.headerChecksummedBytes])
            )
            guard stored == computed else { throw failure("header checksum mismatch") }
            guard u32(8) == IndexFileFormat.version else { throw failure("unsupported format version \(u32(8))") }
            guard Int(u32(12)) < Metric.allCases.count, u32(56) <= 1 else {
                throw failure("unknown metric or quantisation")
            }
            var sections: [SectionEntry] = []
            for index in 0..<Section.allCases.count {
                let base = IndexFileFormat.sectionTableOffsetBytes + index * 24
                guard u64(base) <= UInt64(Int.max), u64(base + 8) <= UInt64(Int.max) else {
                    throw failure("section \(index) offset or size out of range")
                }
                sections.append(
                    SectionEntry(offsetBytes: Int(u64(base)), sizeBytes: Int(u64(base + 8)), checksum: u64(base + 16))
                )
            }
            guard u64(24) <= UInt64(UInt32.max) else { throw failure("node count out of range") }
            return Header(
                metric: Metric.allCases[Int(u32(12))],
                dimension: Int(u32(16)),
                m: Int(u32(20)),
                count: Int(u64(24)),
                efConstruction: Int(u32(32)),
                efSearch: Int(u32(36)),
                seed: u64(40),
                entryPoint: Int32(bitPattern: u32(48)),
                maxLevel: Int32(bitPattern: u32(52)),
                quantization: u32(56) == 1 ? .int8 : .none,
                codeStride: Int(u32(60)),
                step: Float(bitPattern: u32(64)),
                sections: sections
            )
        }
    }

    /// A 64-bit checksum of `bytes`: each little-endian 8-byte word (the tail zero-padded) is
    /// folded in as `h = (h ^ word) × 0x100000001b3; h ^= h >> 29`, from
    /// `h = 0x9e3779b97f4a7c15 ^ byteCount`. Any change of one word changes the result.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        let words = bytes.count / 8
        for word in 0..<words {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self)) &* 0x1_0000_0001_B3
            hash ^= hash >> 29
        }
        var tail: UInt64 = 0
        for index in (words * 8)..<bytes.count { tail |= UInt64(bytes[index]) << UInt64(8 * (index - words * 8)) }
        if bytes.count % 8 != 0 {
            hash = (hash ^ tail) &* 0x1_0000_0001_B3
            hash ^= hash >> 29
        }
        return hash
    }

    /// `offset` rounded up to the section alignment.
    static func aligned(_ offset: Int) -> Int { (offset + sectionAlignmentBytes - 1) & ~(sectionAlignmentBytes - 1) }
}

extension [UInt8] {
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
