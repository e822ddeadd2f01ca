import Codecs

/// Constants and the block directory of the segment file format (docs/formats/segment.md).
enum SegmentFormat {
    static let headerMagic: [UInt8] = Array("VDB-SEG\n".utf8)
    static let trailerMagic: [UInt8] = Array("VDBSEGND".utf8)
    /// The version written; version 3 stores ids and columns row-chunked (`RowChunks`).
    static let formatVersion: UInt32 = 3
    /// Versions that open: version 2 (whole-block ids and columns) is read as before, lazily.
    static let readableVersions: ClosedRange<UInt32> = 2...3
    static let headerBytes = 64
    static let trailerBytes = 32
    static let directoryEntryBytes = 32
    /// Blocks start at multiples of this, so the vector block can be used in place with SIMD loads.
    static let alignmentBytes = 64
    /// Upper bound of one block, raw or stored; bigger means corruption (or a memtable bound far too large).
    static let blockBytesMax = 1 << 31
    /// Upper bound of rows (and of tombstones) in one segment.
    static let rowCountMax = 10_000_000

    enum BlockKind: UInt32, CaseIterable {
        case vectors = 1
        case sequences = 2
        /// Primary keys: `(len u16 | utf8)` per row, row-chunked from version 3.
        case ids = 3
        case tombstones = 4
        /// The whole BM25 index in one compressed block (`LexicalPostings.encode`): segments
        /// written before blocks 12–14; still read (decoded whole on first use).
        case lexical = 5
        /// Optional HNSW graph over the vectors (segments of `graphRowsMin` rows or more): a 40-byte
        /// header, then node levels, level-0 links and upper links, each used in place.
        case graphHeader = 6
        case graphLevels = 7
        case graphLevel0 = 8
        case graphUpper = 9
        /// Per row: `writtenAtMs u64, expiresAtMs u64` (0 = no per-document expiry), for TTLs.
        case times = 10
        /// The primary-key index (`PrimaryKeyIndex`), from version 3.
        case primaryKeys = 11
        /// BM25 row lengths, `rowCount × u32`, used in place (`SegmentLexicalIndex`).
        case lexicalLengths = 12
        /// BM25 term dictionary: header, fixed-size entries sorted by term bytes, term bytes.
        case lexicalTerms = 13
        /// BM25 posting lists, concatenated in term order, each checked by its own CRC-32C.
        case lexicalPostings = 14
    }

    /// The per-term lexical blocks, written instead of `lexical` (all three or none).
    static let lexicalKinds = [BlockKind.lexicalLengths, .lexicalTerms, .lexicalPostings].map(\.rawValue)

    static let graphHeaderBytes = 40

    /// The earliest times in a segment that a TTL can act on (header bytes 44..<60, version 3), so
    /// a snapshot reads a segment's times only once some row of it can have expired.
    struct ExpiryStats: Sendable, Equatable {
        /// Earliest write time of a row, ms since 1970; `UInt64.max` when there are no rows.
        var writtenAtMsMin: UInt64
        /// Earliest per-document expiry, ms since 1970; `UInt64.max` when no row has one.
        var expiresAtMsMin: UInt64

        init(writtenAtMsMin: UInt64, expiresAtMsMin: UInt64) {
            self.writtenAtMsMin = writtenAtMsMin
            self.expiresAtMsMin = expiresAtMsMin
        }

        init(_ rows: [StoredRow]) {
            writtenAtMsMin = rows.map(\.writtenAtMs).min() ?? .max
            expiresAtMsMin = rows.map(\.record.expiresAtMs).filter { $0 != 0 }.min() ?? .max
        }

        /// The first moment a row can be expired under a collection TTL of `ttlMs`.
        func earliestExpiryMs(ttlMs: UInt64?) -> UInt64 {
            min(expiresAtMsMin, ttlMs.map { writtenAtMsMin == .max ? .max : writtenAtMsMin &+ $0 } ?? .max)
        }
    }

    /// Kind of the column block of scalar field `ordinal`: per row `present u8 (0/1)` and, when
    /// present, the untagged value, row-chunked with the type tag in the chunk table (version 3) or
    /// after one leading `type tag u8` (version 2) (docs/formats/segment.md).
    static func columnKind(_ ordinal: Int) -> UInt32 { 0x1000 + UInt32(ordinal) }

    /// Kind of the filter index block of scalar field `ordinal` (fields declared `index`):
    /// `FieldIndex.encode`'s bytes, read and verified when a filter first uses it.
    static func filterIndexKind(_ ordinal: Int) -> UInt32 { 0x3000 + UInt32(ordinal) }

    /// The field ordinal of a filter index block kind, `nil` for other kinds.
    static func filterIndexOrdinal(_ kind: UInt32) -> Int? {
        (0x3000..<0x4000).contains(kind) ? Int(kind - 0x3000) : nil
    }

    /// Kind of the raw float32 block of vector field `ordinal` (the first uses `vectors`).
    static func vectorKind(_ ordinal: Int) -> UInt32 {
        ordinal == 0 ? BlockKind.vectors.rawValue : 0x2000 + UInt32(ordinal)
    }

    struct BlockEntry: Equatable {
        var kind: UInt32
        var codec: UInt8
        var offsetBytes: Int
        var storedBytes: Int
        var rawBytes: Int
        var checksum: UInt32

        func encode(into bytes: inout [UInt8]) {
            bytes.appendLittleEndian(kind)
            bytes.append(contentsOf: [codec, 0, 0, 0])
            bytes.appendLittleEndian(UInt64(offsetBytes))
            bytes.appendLittleEndian(UInt64(storedBytes))
            bytes.appendLittleEndian(UInt32(rawBytes))
            bytes.appendLittleEndian(checksum)
        }

        static func decode(_ reader: inout ByteReader) -> BlockEntry? {
            guard let kind = reader.readUInt32(), let codec = reader.readByte(), reader.readBytes(3) != nil,
                let offset = reader.readUInt64(), let stored = reader.readUInt64(), let raw = reader.readUInt32(),
                let checksum = reader.readUInt32(), offset <= UInt64(Int.max), stored <= UInt64(blockBytesMax)
            else { return nil }
            return BlockEntry(
                kind: kind,
                codec: codec,
                offsetBytes: Int(offset),
                storedBytes: Int(stored),
                rawBytes: Int(raw),
                checksum: checksum
            )
        }
    }

    static func compress(_ raw: [UInt8], codec: StoreOptions.Codec) throws(StoreError) -> [UInt8] {
        do {
            switch codec {
            case .none: return raw
            case .lz4: return try LZ4Codec.compress(raw)
            case .zstd: return try ZstdCodec.compress(raw)
            case .gzip: return try GzipCodec.compress(raw)
            }
        } catch {
            throw StoreError(code: .io, message: "segment block compression failed: \(error)")
        }
    }

    static func decompress(_ stored: [UInt8], codec: UInt8, rawBytes: Int) -> [UInt8]? {
        switch StoreOptions.Codec(rawValue: codec) {
        case .none?: return stored.count == rawBytes ? stored : nil
        case .lz4?: return try? LZ4Codec.decompress(stored, decompressedBytes: rawBytes)
        case .gzip?: return try? GzipCodec.decompress(stored, decompressedBytes: rawBytes)
        case .zstd?:
            guard let raw = try? ZstdCodec.decompress(stored, maxOutputBytes: rawBytes), raw.count == rawBytes else {
                return nil
            }
            return raw
        case nil: return nil
        }
    }
}
