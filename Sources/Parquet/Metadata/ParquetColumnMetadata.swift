/// Where one column chunk's pages are and what they hold (`ColumnMetaData`, inside the footer's
/// `ColumnChunk`). Offsets are from the start of the file; sizes include the page headers.
public struct ParquetColumnMetadata: Sendable, Hashable {
    public var type: ParquetPhysicalType
    /// Every encoding the chunk's pages use, levels included.
    public var encodings: [ParquetEncoding]
    /// The leaf's path from the root's child down (`["tickers", "list", "element"]`).
    public var pathInSchema: [String]
    public var codec: ParquetCompression
    /// Level entries in the chunk: rows for a flat column, list slots (elements and empty or null
    /// lists) for a list column; nulls included.
    public var numValues: Int64
    public var totalUncompressedSize: Int64
    public var totalCompressedSize: Int64
    /// The first data page.
    public var dataPageOffset: Int64
    /// The dictionary page, which precedes the data pages, when the chunk is dictionary encoded.
    public var dictionaryPageOffset: Int64?
    public var statistics: ParquetStatistics?

    public init(
        type: ParquetPhysicalType,
        encodings: [ParquetEncoding],
        pathInSchema: [String],
        codec: ParquetCompression,
        numValues: Int64,
        totalUncompressedSize: Int64,
        totalCompressedSize: Int64,
        dataPageOffset: Int64,
        dictionaryPageOffset: Int64? = nil,
        statistics: ParquetStatistics? = nil
    ) {
        self.type = type
        self.encodings = encodings
        self.pathInSchema = pathInSchema
        self.codec = codec
        self.numValues = numValues
        self.totalUncompressedSize = totalUncompressedSize
        self.totalCompressedSize = totalCompressedSize
        self.dataPageOffset = dataPageOffset
        self.dictionaryPageOffset = dictionaryPageOffset
        self.statistics = statistics
    }

    /// The chunk's first byte: its dictionary page when it has one, else its first data page.
    public var startOffset: Int64 { dictionaryPageOffset ?? dataPageOffset }
}

extension ParquetColumnMetadata {
    /// Fields 1 type, 2 encodings, 3 path_in_schema, 4 codec, 5 num_values, 6 total_uncompressed_size,
    /// 7 total_compressed_size, 9 data_page_offset, 11 dictionary_page_offset, 12 statistics.
    func encode(_ writer: inout ThriftCompactWriter) {
        writer.write(field: 1, i32: type.rawValue)
        writer.write(field: 2, i32List: encodings.map(\.rawValue))
        writer.write(field: 3, stringList: pathInSchema)
        writer.write(field: 4, i32: codec.rawValue)
        writer.write(field: 5, i64: numValues)
        writer.write(field: 6, i64: totalUncompressedSize)
        writer.write(field: 7, i64: totalCompressedSize)
        writer.write(field: 9, i64: dataPageOffset)
        if let dictionaryPageOffset { writer.write(field: 11, i64: dictionaryPageOffset) }
        if let statistics { writer.writeStruct(field: 12) { statistics.encode(&$0) } }
    }

    /// Reads one `ColumnMetaData`; encodings this package does not know are left out of `encodings`
    /// (the pages say what they use).
    static func decode(_ reader: inout ThriftCompactReader) throws(ParquetError) -> ParquetColumnMetadata {
        let start = reader.position
        var type: ParquetPhysicalType?
        var encodings: [ParquetEncoding]?
        var path: [String]?
        var codec: ParquetCompression?
        var numValues: Int64?
        var uncompressed: Int64?
        var compressed: Int64?
        var dataPageOffset: Int64?
        var dictionaryPageOffset: Int64?
        var statistics: ParquetStatistics?
        try reader.readStruct { reader, field throws(ParquetError) in
            switch field.id {
            case 1: type = try reader.readEnum(field, as: ParquetPhysicalType.self)
            case 2: encodings = try reader.readI32List(field).compactMap(ParquetEncoding.init(rawValue:))
            case 3: path = try reader.readStringList(field)
            case 4: codec = try reader.readEnum(field, as: ParquetCompression.self)
            case 5: numValues = try reader.readI64(field)
            case 6: uncompressed = try reader.readI64(field)
            case 7: compressed = try reader.readI64(field)
            case 9: dataPageOffset = try reader.readI64(field)
            case 11: dictionaryPageOffset = try reader.readI64(field)
            case 12: statistics = try ParquetStatistics.decode(&reader)
            default: return false
            }
            return true
        }
        let name = "ColumnMetaData"
        return ParquetColumnMetadata(
            type: try reader.required(type, "type", in: name, at: start),
            encodings: try reader.required(encodings, "encodings", in: name, at: start),
            pathInSchema: try reader.required(path, "path_in_schema", in: name, at: start),
            codec: try reader.required(codec, "codec", in: name, at: start),
            numValues: try reader.required(numValues, "num_values", in: name, at: start),
            totalUncompressedSize: try reader.required(uncompressed, "total_uncompressed_size", in: name, at: start),
            totalCompressedSize: try reader.required(compressed, "total_compressed_size", in: name, at: start),
            dataPageOffset: try reader.required(dataPageOffset, "data_page_offset", in: name, at: start),
            dictionaryPageOffset: dictionaryPageOffset,
            statistics: statistics
        )
    }
}
