import Codecs
import Foundation
import HNSW

/// Serialises rows and tombstones into one immutable segment file (docs/formats/segment.md).
enum SegmentWriter {
    /// A delete: the id and the sequence that deleted it.
    typealias Tombstone = (sequence: UInt64, id: String)

    /// What a segment holds: live rows and tombstones with their sequence numbers.
    struct Contents: Sendable {
        var rows: [StoredRow]
        var tombstones: [Tombstone]
        /// The postings of `rows`, in order, when already known (a memtable's analyses, a
        /// compaction's merged inputs); `nil`: the rows' text is analysed when written.
        var lexical: LexicalPostings? = nil
        /// A graph whose nodes are rows `0..<graphSeed.count` of `rows`, in order (a compaction's
        /// largest input, every row of it kept and placed first): the segment's graph extends it
        /// with the other rows instead of being built from scratch, when its parameters match.
        var graphSeed: HNSWIndex? = nil
    }

    /// How the BM25 index is stored.
    enum LexicalLayout: Sendable {
        /// Blocks 12–14, read per term (`SegmentLexicalIndex`): what the store writes.
        case perTerm
        /// Block 5, decoded whole: the layout of earlier segments, kept so tests can write them.
        case wholeBlock
    }

    /// The whole file, ready to be written once. Rows must fit `schema` (validated before the WAL).
    static func encode(
        _ contents: Contents,
        schema: CollectionSchema,
        codec: StoreOptions.Codec,
        graph: HNSWParameters? = nil,
        lexicalLayout: LexicalLayout = .perTerm
    ) throws(StoreError) -> [UInt8] {
        guard contents.rows.count <= SegmentFormat.rowCountMax,
            contents.tombstones.count <= SegmentFormat.rowCountMax
        else { throw StoreError(code: .badInput, message: "segment over \(SegmentFormat.rowCountMax) rows") }
        let sequenceMax = max(
            contents.rows.map(\.sequence).max() ?? 0,
            contents.tombstones.map(\.sequence).max() ?? 0
        )
        let dimension = schema.vectors[0].dimension
        var file: [UInt8] = SegmentFormat.headerMagic
        file.appendLittleEndian(SegmentFormat.formatVersion)
        file.appendLittleEndian(UInt32(dimension))
        file.appendLittleEndian(UInt32(contents.rows.count))
        file.appendLittleEndian(UInt32(contents.tombstones.count))
        file.appendLittleEndian(sequenceMax)
        file.append(codec.rawValue)
        file.append(contentsOf: [0, 0, 0])
        file.appendLittleEndian(UInt32(schema.fields.count))
        file.appendLittleEndian(UInt32(schema.vectors.count))
        let stats = SegmentFormat.ExpiryStats(contents.rows)
        file.appendLittleEndian(stats.writtenAtMsMin)
        file.appendLittleEndian(stats.expiresAtMsMin)
        file.appendLittleEndian(CRC32C.checksum(file))

        var entries: [SegmentFormat.BlockEntry] = []
        func addBlock(_ kind: UInt32, raw: [UInt8], codec: StoreOptions.Codec) throws(StoreError) {
            try addBlock(kind, stored: try SegmentFormat.compress(raw, codec: codec), rawBytes: raw.count, codec: codec)
        }
        func addBlock(
            _ kind: UInt32,
            stored: [UInt8],
            rawBytes: Int,
            codec: StoreOptions.Codec
        ) throws(StoreError) {
            guard rawBytes <= SegmentFormat.blockBytesMax, stored.count <= SegmentFormat.blockBytesMax else {
                throw StoreError(
                    code: .badInput,
                    message: "segment block \(kind) over \(SegmentFormat.blockBytesMax) bytes"
                )
            }
            file.pad(toMultipleOf: SegmentFormat.alignmentBytes)
            entries.append(
                SegmentFormat.BlockEntry(
                    kind: kind,
                    codec: codec.rawValue,
                    offsetBytes: file.count,
                    storedBytes: stored.count,
                    rawBytes: rawBytes,
                    checksum: CRC32C.checksum(stored)
                )
            )
            file.append(contentsOf: stored)
        }

        for (field, definition) in schema.vectors.enumerated() {
            var vectors: [UInt8] = []
            vectors.reserveCapacity(contents.rows.count * definition.dimension * 4)
            for row in contents.rows {
                precondition(row.record.vectors[field].count == definition.dimension, "validated before the WAL")
                for component in row.record.vectors[field] { vectors.appendLittleEndian(component.bitPattern) }
            }
            try addBlock(SegmentFormat.vectorKind(field), raw: vectors, codec: .none)
        }
        var sequences: [UInt8] = []
        var ids: [UInt8] = []
        var idEnds: [Int] = []
        idEnds.reserveCapacity(contents.rows.count)
        for row in contents.rows {
            sequences.appendLittleEndian(row.sequence)
            ids.appendShortString(row.record.id)
            idEnds.append(ids.count)
        }
        var tombstones: [UInt8] = []
        for tombstone in contents.tombstones {
            tombstones.appendLittleEndian(tombstone.sequence)
            tombstones.appendShortString(tombstone.id)
        }
        let lexical =
            contents.lexical
            ?? LexicalPostings(
                texts: SearchSource.texts(contents.rows.map(\.record), schema: schema),
                analyzer: schema.textAnalyzer
            )
        try addBlock(SegmentFormat.BlockKind.sequences.rawValue, raw: sequences, codec: .none)
        let idBlock = try RowChunks.encode(ids, rowEnds: idEnds, typeTag: 0, codec: codec)
        try addBlock(
            SegmentFormat.BlockKind.ids.rawValue,
            stored: idBlock.stored,
            rawBytes: idBlock.rawBytes,
            codec: codec
        )
        for (ordinal, field) in schema.fields.enumerated() {
            var column: [UInt8] = []
            var ends: [Int] = []
            ends.reserveCapacity(contents.rows.count)
            for row in contents.rows {
                if ordinal < row.record.values.count, let value = row.record.values[ordinal] {
                    precondition(value.type == field.type, "validated before the WAL")
                    column.append(1)
                    value.appendBody(to: &column)
                } else {
                    column.append(0)
                }
                ends.append(column.count)
            }
            let block = try RowChunks.encode(column, rowEnds: ends, typeTag: field.type.tag, codec: codec)
            try addBlock(
                SegmentFormat.columnKind(ordinal),
                stored: block.stored,
                rawBytes: block.rawBytes,
                codec: codec
            )
        }
        for (ordinal, field) in schema.fields.enumerated() where field.index {
            let values = contents.rows.map { ordinal < $0.record.values.count ? $0.record.values[ordinal] : nil }
            let index = FieldIndex.build(values, field: field)
            try addBlock(SegmentFormat.filterIndexKind(ordinal), raw: index.encode(), codec: codec)
        }
        try addBlock(SegmentFormat.BlockKind.tombstones.rawValue, raw: tombstones, codec: codec)
        switch lexicalLayout {
        case .perTerm:
            let blocks = SegmentLexicalIndex.encode(lexical)
            try addBlock(SegmentFormat.BlockKind.lexicalLengths.rawValue, raw: blocks.lengths, codec: .none)
            try addBlock(SegmentFormat.BlockKind.lexicalTerms.rawValue, raw: blocks.dictionary, codec: .none)
            try addBlock(SegmentFormat.BlockKind.lexicalPostings.rawValue, raw: blocks.postings, codec: .none)
        case .wholeBlock:
            try addBlock(SegmentFormat.BlockKind.lexical.rawValue, raw: lexical.encode(), codec: codec)
        }
        var times: [UInt8] = []
        for row in contents.rows {
            times.appendLittleEndian(row.writtenAtMs)
            times.appendLittleEndian(row.record.expiresAtMs)
        }
        try addBlock(SegmentFormat.BlockKind.times.rawValue, raw: times, codec: .none)
        let keys = PrimaryKeyIndex.encode(contents.rows.map(\.record.id))
        try addBlock(SegmentFormat.BlockKind.primaryKeys.rawValue, raw: keys, codec: .none)
        if let graph, !contents.rows.isEmpty {
            let blocks = try graphBlocks(
                contents.rows.map { $0.record.vectors[0] },
                dimension: dimension,
                metric: schema.vectors[0].metric,
                parameters: graph,
                seed: contents.graphSeed
            )
            try addBlock(SegmentFormat.BlockKind.graphHeader.rawValue, raw: blocks.header, codec: .none)
            try addBlock(SegmentFormat.BlockKind.graphLevels.rawValue, raw: blocks.levels, codec: .none)
            try addBlock(SegmentFormat.BlockKind.graphLevel0.rawValue, raw: blocks.level0, codec: .none)
            try addBlock(SegmentFormat.BlockKind.graphUpper.rawValue, raw: blocks.upper, codec: .none)
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

/// One stored version of a document: its sequence and the write time of its batch (for the TTL).
struct StoredRow: Sendable {
    var sequence: UInt64
    var record: DocumentRow
    /// Milliseconds since 1970.
    var writtenAtMs: UInt64
}
