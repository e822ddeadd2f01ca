/// Writes a Parquet file row group by row group, as bytes for the caller to append to its file:
/// `"PAR1"`, the column chunks of each row group, then the footer (docs/formats/parquet.md).
///
/// A pure state machine: it keeps the running file offset and each row group's metadata, and never
/// touches a file, so the same code writes to disk, to memory, or to an object-store upload.
public struct ParquetWriter: Sendable {
    /// The 4 bytes that open and close every Parquet file.
    public static let magic: [UInt8] = Array("PAR1".utf8)

    public let schema: ParquetSchema
    public let options: ParquetWriterOptions
    /// Bytes handed out so far: the offset in the file of the next byte.
    public private(set) var offsetBytes = 0
    private var rowGroups: [ParquetRowGroupMetadata] = []
    private var rowCount: Int64 = 0
    private var finished = false

    /// - Throws: `ParquetError.badInput` for bad options, an empty schema or duplicate column names.
    public init(schema: ParquetSchema, options: ParquetWriterOptions = ParquetWriterOptions()) throws(ParquetError) {
        try options.validate()
        guard !schema.columns.isEmpty else { throw .badInput("a schema without columns") }
        guard Set(schema.columns.map(\.name)).count == schema.columns.count else {
            throw .badInput("two columns share a name")
        }
        self.schema = schema
        self.options = options
    }

    /// Encodes one row group: `columns[i]` holds the values of `schema.columns[i]`, all of one row
    /// count (1 to `options.rowGroupRowCountMax`). Returns the bytes to append (the magic first, on the
    /// first call).
    ///
    /// - Throws: `ParquetError.badInput` when the columns do not match the schema or each other, a
    ///   required column has a null, or the writer is finished.
    public mutating func writeRowGroup(_ columns: [ParquetColumnValues]) throws(ParquetError) -> [UInt8] {
        guard !finished else { throw .badInput("the writer is finished") }
        guard columns.count == schema.columns.count else {
            throw .badInput("\(columns.count) columns for a schema of \(schema.columns.count)")
        }
        let rows = columns[0].count
        guard (1...options.rowGroupRowCountMax).contains(rows), columns.allSatisfy({ $0.count == rows }) else {
            throw .badInput("a row group's columns must have one row count in 1...\(options.rowGroupRowCountMax)")
        }
        guard rowGroups.count < Int(Int16.max) else { throw .badInput("more than \(Int16.max) row groups") }
        var bytes = offsetBytes == 0 ? Self.magic : []
        let start = offsetBytes + bytes.count
        var chunks: [ParquetColumnMetadata] = []
        var uncompressed = 0
        for (column, values) in zip(schema.columns, columns) {
            let writer = ParquetColumnChunkWriter(column: column, options: options)
            let chunk = try writer.write(values, fileOffset: offsetBytes + bytes.count)
            bytes.append(contentsOf: chunk.bytes)
            chunks.append(chunk.metadata)
            uncompressed += chunk.uncompressedBytes
        }
        rowGroups.append(
            ParquetRowGroupMetadata(
                columns: chunks,
                totalByteSize: Int64(uncompressed),
                numRows: Int64(rows),
                fileOffset: Int64(start),
                totalCompressedSize: Int64(offsetBytes + bytes.count - start),
                ordinal: Int16(rowGroups.count)
            )
        )
        rowCount += Int64(rows)
        offsetBytes += bytes.count
        return bytes
    }

    /// The file's last bytes: the footer (`FileMetaData`, Thrift compact), its length as 4 bytes
    /// little-endian, and the magic — preceded by the opening magic when no row group was written.
    ///
    /// - Throws: `ParquetError.badInput` when already finished.
    public mutating func finish() throws(ParquetError) -> [UInt8] {
        guard !finished else { throw .badInput("the writer is finished") }
        finished = true
        let leafCount = schema.columns.count
        let footer = ParquetFileMetadata(
            schema: schema.elements,
            numRows: rowCount,
            rowGroups: rowGroups,
            createdBy: options.createdBy,
            columnOrders: options.writesStatistics ? Array(repeating: 1, count: leafCount) : nil
        ).encoded()
        var bytes = offsetBytes == 0 ? Self.magic : []
        bytes.append(contentsOf: footer)
        bytes.appendLittleEndian(UInt32(footer.count))
        bytes.append(contentsOf: Self.magic)
        offsetBytes += bytes.count
        return bytes
    }

    /// A whole file in memory: one row group per element of `rowGroups`.
    public static func file(
        schema: ParquetSchema,
        rowGroups: [[ParquetColumnValues]],
        options: ParquetWriterOptions = ParquetWriterOptions()
    ) throws(ParquetError) -> [UInt8] {
        var writer = try ParquetWriter(schema: schema, options: options)
        var bytes: [UInt8] = []
        for group in rowGroups { bytes.append(contentsOf: try writer.writeRowGroup(group)) }
        bytes.append(contentsOf: try writer.finish())
        return bytes
    }
}
