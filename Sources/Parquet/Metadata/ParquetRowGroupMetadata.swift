/// One row group of the footer (`RowGroup`): a column chunk per leaf column, in schema order.
public struct ParquetRowGroupMetadata: Sendable, Hashable {
    /// One per leaf column, in the order of the schema's leaves.
    public var columns: [ParquetColumnMetadata]
    /// Uncompressed bytes of all the row group's pages, headers included.
    public var totalByteSize: Int64
    public var numRows: Int64
    /// The row group's first byte (its first column chunk's start).
    public var fileOffset: Int64?
    /// Compressed bytes of all the row group's pages, headers included.
    public var totalCompressedSize: Int64?
    /// Position of the row group in the file, from 0.
    public var ordinal: Int16?

    public init(
        columns: [ParquetColumnMetadata],
        totalByteSize: Int64,
        numRows: Int64,
        fileOffset: Int64? = nil,
        totalCompressedSize: Int64? = nil,
        ordinal: Int16? = nil
    ) {
        self.columns = columns
        self.totalByteSize = totalByteSize
        self.numRows = numRows
        self.fileOffset = fileOffset
        self.totalCompressedSize = totalCompressedSize
        self.ordinal = ordinal
    }
}

extension ParquetRowGroupMetadata {
    /// Fields 1 columns (each a `ColumnChunk`: 2 file_offset = 0, 3 meta_data), 2 total_byte_size,
    /// 3 num_rows, 5 file_offset, 6 total_compressed_size, 7 ordinal (an i16).
    func encode(_ writer: inout ThriftCompactWriter) {
        writer.write(field: 1, structList: columns) { chunk, column in
            chunk.write(field: 2, i64: 0)
            chunk.writeStruct(field: 3) { column.encode(&$0) }
        }
        writer.write(field: 2, i64: totalByteSize)
        writer.write(field: 3, i64: numRows)
        if let fileOffset { writer.write(field: 5, i64: fileOffset) }
        if let totalCompressedSize { writer.write(field: 6, i64: totalCompressedSize) }
        if let ordinal { writer.write(field: 7, i16: ordinal) }
    }

    static func decode(_ reader: inout ThriftCompactReader) throws(ParquetError) -> ParquetRowGroupMetadata {
        let start = reader.position
        var columns: [ParquetColumnMetadata]?
        var totalByteSize: Int64?
        var numRows: Int64?
        var group = ParquetRowGroupMetadata(columns: [], totalByteSize: 0, numRows: 0)
        try reader.readStruct { reader, field throws(ParquetError) in
            switch field.id {
            case 1:
                columns = try reader.readStructList(field) { reader throws(ParquetError) in try decodeChunk(&reader) }
            case 2: totalByteSize = try reader.readI64(field)
            case 3: numRows = try reader.readI64(field)
            case 5: group.fileOffset = try reader.readI64(field)
            case 6: group.totalCompressedSize = try reader.readI64(field)
            case 7: group.ordinal = try reader.readI16(field)
            default: return false
            }
            return true
        }
        group.columns = try reader.required(columns, "columns", in: "RowGroup", at: start)
        group.totalByteSize = try reader.required(totalByteSize, "total_byte_size", in: "RowGroup", at: start)
        group.numRows = try reader.required(numRows, "num_rows", in: "RowGroup", at: start)
        return group
    }

    /// A `ColumnChunk`: its `meta_data` must be present (chunks in other files are unsupported).
    private static func decodeChunk(_ reader: inout ThriftCompactReader) throws(ParquetError) -> ParquetColumnMetadata {
        let start = reader.position
        var metadata: ParquetColumnMetadata?
        var external = false
        try reader.readStruct { reader, field throws(ParquetError) in
            switch field.id {
            case 1: external = true
            case 3: metadata = try ParquetColumnMetadata.decode(&reader)
            default: break
            }
            return field.id == 3
        }
        guard !external, let metadata else {
            throw ParquetError(
                code: .unsupported,
                message: "a column chunk without inline metadata, or in another file",
                offsetBytes: start
            )
        }
        return metadata
    }
}
