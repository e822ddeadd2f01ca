/// Reads a Parquet file held in memory (read whole, or memory-mapped): the footer at once, column
/// chunks on demand. It reads the files `ParquetWriter` writes, and others of the same shapes.
///
/// Every structure is checked before use: both magics, the footer length and decoding, the schema,
/// each chunk's range, page sizes, CRCs and levels; damage is a `ParquetError.corruption` with the
/// byte offset where it was found.
public struct ParquetReader: Sendable {
    public let metadata: ParquetFileMetadata
    public let schema: ParquetSchema
    private let bytes: [UInt8]

    /// Parses and checks the footer of the file `bytes`.
    public init(bytes: [UInt8]) throws(ParquetError) {
        guard bytes.count >= ParquetFooter.fileBytesMin else {
            throw .corruption("a file of \(bytes.count) bytes is too short for Parquet", at: 0)
        }
        guard Array(bytes[0..<4]) == ParquetWriter.magic else {
            throw .corruption("the file does not start with PAR1", at: 0)
        }
        let trailer = Array(bytes[(bytes.count - ParquetFooter.trailerBytes)...])
        let range = try ParquetFooter.footerRange(trailer: trailer, fileBytes: bytes.count)
        (metadata, schema) = try ParquetFooter.read(bytes, range)
        self.bytes = bytes
    }

    /// Rows in the file.
    public var rowCount: Int { Int(metadata.numRows) }

    public var rowGroupCount: Int { metadata.rowGroups.count }

    /// The values of column `column` in row group `rowGroup`.
    ///
    /// - Throws: `ParquetError.corruption` for damaged pages; `badInput` for an index out of range.
    public func values(column: Int, rowGroup: Int) throws(ParquetError) -> ParquetColumnValues {
        guard schema.columns.indices.contains(column), metadata.rowGroups.indices.contains(rowGroup) else {
            throw .badInput("no column \(column) in row group \(rowGroup)")
        }
        let chunk = metadata.rowGroups[rowGroup].columns[column]
        let values = try ParquetColumnChunkReader(column: schema.columns[column], metadata: chunk).read(bytes)
        guard values.count == Int(metadata.rowGroups[rowGroup].numRows) else {
            throw .corruption(
                "\(values.count) rows in a row group of \(metadata.rowGroups[rowGroup].numRows)",
                at: Int(chunk.startOffset),
                column: schema.columns[column].name
            )
        }
        return values
    }

    /// The values of column `column` in every row group, concatenated in file order.
    public func values(column: Int) throws(ParquetError) -> ParquetColumnValues {
        guard schema.columns.indices.contains(column) else { throw .badInput("no column \(column)") }
        var all = ParquetColumnValues.empty(schema.columns[column].kind)
        for group in metadata.rowGroups.indices { all.append(try values(column: column, rowGroup: group)) }
        return all
    }
}
