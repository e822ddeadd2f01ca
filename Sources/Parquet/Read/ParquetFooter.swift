/// The end of a Parquet file: `footer (FileMetaData) | footer length: u32 LE | "PAR1"`. A reader
/// over ranges (an object store) fetches the last `trailerBytes`, then the footer, then the chunks.
public enum ParquetFooter {
    /// The footer length and the closing magic.
    public static let trailerBytes = 8
    /// The smallest file: both magics and an (empty) footer length.
    public static let fileBytesMin = 12
    /// Footers larger than this are refused (a wrong length must not allocate gigabytes).
    public static let footerBytesMax = 64 << 20

    /// The range of the footer in a file of `fileBytes` bytes whose last 8 bytes are `trailer`.
    ///
    /// - Throws: `ParquetError.corruption` for a missing magic or a length that does not fit.
    public static func footerRange(trailer: [UInt8], fileBytes: Int) throws(ParquetError) -> Range<Int> {
        let trailerStart = fileBytes - trailerBytes
        guard fileBytes >= fileBytesMin, trailer.count == trailerBytes else {
            throw .corruption("a file of \(fileBytes) bytes is too short for Parquet", at: 0)
        }
        guard Array(trailer[4...]) == ParquetWriter.magic else {
            throw .corruption("the file does not end with PAR1", at: fileBytes - 4)
        }
        let length = Int(trailer.loadLittleEndian(UInt32.self, at: 0))
        guard length <= footerBytesMax, length <= trailerStart - 4 else {
            throw .corruption("a footer of \(length) bytes does not fit the file", at: trailerStart)
        }
        return (trailerStart - length)..<trailerStart
    }

    /// Decodes and checks the footer at `range` of `bytes`: its schema must have the shapes this
    /// package writes, every row group a chunk per column, of the column's path and type, inside
    /// `4..<range.lowerBound`, and the row counts must add up.
    static func read(_ bytes: [UInt8], _ range: Range<Int>) throws(ParquetError) -> (ParquetFileMetadata, ParquetSchema)
    {
        let metadata = try ParquetFileMetadata.decode(bytes, range)
        let schema = try ParquetSchema(elements: metadata.schema)
        var rows: Int64 = 0
        for group in metadata.rowGroups {
            guard group.columns.count == schema.columns.count, group.numRows >= 0 else {
                throw .corruption(
                    "a row group of \(group.columns.count) chunks for \(schema.columns.count) columns",
                    at: range.lowerBound
                )
            }
            for (chunk, column) in zip(group.columns, schema.columns) {
                guard chunk.pathInSchema == column.path, chunk.type == column.kind.physicalType else {
                    throw .corruption(
                        "a chunk's path or type differs from its column's",
                        at: range.lowerBound,
                        column: column.name
                    )
                }
                let start = chunk.startOffset
                guard start >= 4, chunk.totalCompressedSize >= 0, chunk.numValues >= 0,
                    chunk.dataPageOffset >= start,
                    chunk.totalCompressedSize <= Int64(range.lowerBound) - start
                else {
                    throw .corruption(
                        "a column chunk outside the file's data",
                        at: range.lowerBound,
                        column: column.name
                    )
                }
            }
            rows += group.numRows
        }
        guard rows == metadata.numRows else {
            throw .corruption("row groups hold \(rows) rows, the footer says \(metadata.numRows)", at: range.lowerBound)
        }
        return (metadata, schema)
    }
}
