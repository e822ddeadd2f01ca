import Codecs
import Foundation
import HNSW

/// Serialises rows and tombstones into one immutable segment file (docs/formats/segment.md).
enum SegmentWriter {
    /// What a segment holds: live rows and tombstones with their sequence numbers.
    struct Contents: Sendable {
        var rows: [StoredRow]
        var tombstones: [(sequence: UInt64, id: String)]
    }

    /// The whole file, ready to be written once.
    static func encode(
        _ contents: Contents,
        dimension: Int,
        codec: StoreOptions.Codec,
        graph: HNSWParameters? = nil
    ) throws(StoreError) -> [UInt8] {
        guard contents.rows.count <= SegmentFormat.rowCountMax,
            contents.tombstones.count <= SegmentFormat.rowCountMax
        else { throw StoreError(code: .badInput, message: "segment over \(SegmentFormat.rowCountMax) rows") }
        let sequenceMax = max(
            contents.rows.map(\.sequence).max() ?? 0,
            contents.tombstones.map(\.sequence).max() ?? 0
        )
        var file: [UInt8] = SegmentFormat.headerMagic
        file.appendLittleEndian(SegmentFormat.formatVersion)
        file.appendLittleEndian(UInt32(dimension))
        file.appendLittleEndian(UInt32(contents.rows.count))
        file.appendLittleEndian(UInt32(contents.tombstones.count))
        file.appendLittleEndian(sequenceMax)
        file.append(codec.rawValue)
        file.pad(toMultipleOf: 60)
        file.appendLittleEndian(CRC32C.checksum(file))

        var entries: [SegmentFormat.BlockEntry] = []
        func addBlock(_ kind: SegmentFormat.BlockKind, raw: [UInt8], codec: StoreOptions.Codec) throws(StoreError) {
            let stored = try SegmentFormat.compress(raw, codec: codec)
            guard raw.count <= SegmentFormat.blockBytesMax, stored.count <= SegmentFormat.blockBytesMax else {
                throw StoreError(
                    code: .badInput,
                    message: "segment block \(kind) over \(SegmentFormat.blockBytesMax) bytes"
                )
            }
            file.pad(toMultipleOf: SegmentFormat.alignmentBytes)
            entries.append(
                SegmentFormat.BlockEntry(
                    kind: kind.rawValue,
                    codec: codec.rawValue,
                    offsetBytes: file.count,
                    storedBytes: stored.count,
                    rawBytes: raw.count,
                    checksum: CRC32C.checksum(stored)
                )
            )
            file.append(contentsOf: stored)
        }

        var vectors: [UInt8] = []
        vectors.reserveCapacity(contents.rows.count * dimension * 4)
        var sequences: [UInt8] = []
        var chunks: [UInt8] = []
        for row in contents.rows {
            precondition(row.record.vector.count == dimension, "validated before the WAL")
            for component in row.record.vector { vectors.appendLittleEndian(component.bitPattern) }
            sequences.appendLittleEndian(row.sequence)
            let json: Data
            do {
                json = try JSONEncoder().encode(row.record.chunk)
            } catch {
                throw StoreError(code: .badInput, message: "chunk \(row.record.chunk.id): cannot encode: \(error)")
            }
            chunks.appendLittleEndian(UInt32(json.count))
            chunks.append(contentsOf: json)
        }
        var tombstones: [UInt8] = []
        for tombstone in contents.tombstones {
            tombstones.appendLittleEndian(tombstone.sequence)
            tombstones.appendShortString(tombstone.id)
        }
        let lexical = LexicalPostings(texts: contents.rows.map(\.record.chunk.text))
        try addBlock(.vectors, raw: vectors, codec: .none)
        try addBlock(.sequences, raw: sequences, codec: .none)
        try addBlock(.chunks, raw: chunks, codec: codec)
        try addBlock(.tombstones, raw: tombstones, codec: codec)
        try addBlock(.lexical, raw: lexical.encode(), codec: codec)
        var times: [UInt8] = []
        for row in contents.rows {
            times.appendLittleEndian(row.writtenAtMs)
            times.appendLittleEndian(row.record.expiresAtMs)
        }
        try addBlock(.times, raw: times, codec: .none)
        if let graph, !contents.rows.isEmpty {
            let blocks = try graphBlocks(contents.rows.map(\.record.vector), dimension: dimension, parameters: graph)
            try addBlock(.graphHeader, raw: blocks.header, codec: .none)
            try addBlock(.graphLevels, raw: blocks.levels, codec: .none)
            try addBlock(.graphLevel0, raw: blocks.level0, codec: .none)
            try addBlock(.graphUpper, raw: blocks.upper, codec: .none)
        }

        file.pad(toMultipleOf: SegmentFormat.alignmentBytes)
        let directoryOffset = file.count
        var directory: [UInt8] = []
        for entry in entries { entry.encode(into: &directory) }
        file.append(contentsOf: directory)
        file.appendLittleEndian(UInt64(directoryOffset))
        file.appendLittleEndian(UInt32(entries.count))
        file.appendLittleEndian(CRC32C.checksum(directory))
        file.appendLittleEndian(UInt64(file.count + 16))
        file.append(contentsOf: SegmentFormat.trailerMagic)
        return file
    }
}

/// One stored version of a record: its sequence and the write time of its batch (for the TTL).
struct StoredRow: Sendable {
    var sequence: UInt64
    var record: ChunkRecord
    /// Milliseconds since 1970.
    var writtenAtMs: UInt64
}
