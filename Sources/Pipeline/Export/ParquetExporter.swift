import Parquet
import SECModel
import VectorStore

/// `vectordb export parquet`: every live document of a snapshot as one Parquet file — the primary
/// key and every schema field as columns (`DocumentParquetCodec`), vectors only when asked — in row
/// groups of at most `Options.rowGroupRowCountMax` documents, readable by pyarrow and DuckDB
/// (docs/formats/parquet.md).
public enum ParquetExporter {
    /// What the file holds and how it is laid out.
    public struct Options: Sendable {
        /// Documents per row group, at most: the unit an engine reads and skips by statistics.
        public var rowGroupRowCountMax: Int
        /// Adds one `LIST<FLOAT>` column per vector field.
        public var includingVectors: Bool
        /// Page layout, compression and statistics.
        public var writer: ParquetWriterOptions

        /// The bounds `rowGroupRowCountMax` must be in.
        public static let rowGroupRowCountRange = 1...100_000

        public init(
            rowGroupRowCountMax: Int = 10_000,
            includingVectors: Bool = false,
            writer: ParquetWriterOptions = ParquetWriterOptions()
        ) {
            self.rowGroupRowCountMax = rowGroupRowCountMax
            self.includingVectors = includingVectors
            self.writer = writer
        }
    }

    /// Writes `snapshot`'s documents to `path` (replaced atomically: a temporary file renamed over it).
    ///
    /// - Returns: the number of documents written.
    /// - Throws: `ImportError`: *bad input* for options out of range; *unavailable* when the file
    ///   cannot be written; the store's or the Parquet writer's error as `underlyingError`.
    @discardableResult
    public static func export(
        _ snapshot: ReadSnapshot,
        to path: String,
        options: Options = Options()
    ) throws(ImportError) -> Int {
        guard Options.rowGroupRowCountRange.contains(options.rowGroupRowCountMax) else {
            throw ImportError(
                category: .badInput,
                file: path,
                line: nil,
                field: nil,
                message:
                    "row groups of \(options.rowGroupRowCountMax) rows: must be in \(Options.rowGroupRowCountRange)",
                importedLines: 0
            )
        }
        let schema = snapshot.info.schema
        var writerOptions = options.writer
        writerOptions.rowGroupRowCountMax = options.rowGroupRowCountMax
        let parquetSchema = DocumentParquetCodec.parquetSchema(schema, includingVectors: options.includingVectors)
        let documents = snapshot.documents()
        return try ExportFile.replace(path) { file in
            var writer = try ParquetWriter(schema: parquetSchema, options: writerOptions)
            var start = 0
            while start < documents.count {
                let group = documents[start..<min(start + options.rowGroupRowCountMax, documents.count)]
                let columns = try DocumentParquetCodec.columns(
                    group,
                    schema: schema,
                    includingVectors: options.includingVectors
                )
                try file.append(try writer.writeRowGroup(columns))
                start += group.count
            }
            try file.append(try writer.finish())
            return documents.count
        }
    }
}
