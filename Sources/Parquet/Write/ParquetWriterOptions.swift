/// How `ParquetWriter` lays out pages. Every size has a bound (docs/formats/parquet.md, "Limits").
public struct ParquetWriterOptions: Sendable, Hashable {
    /// `.zstd` (the default) or `.uncompressed`; other codecs are refused.
    public var compression: ParquetCompression
    /// zstd level, 1 (fast) to 19 (small).
    public var zstdLevel: Int32
    /// Rows per data page, at most.
    public var pageRowCountMax: Int
    /// A data page is closed once its values reach this many (uncompressed, estimated) bytes.
    public var pageBytesMax: Int
    /// Rows per row group, at most (`writeRowGroup` refuses more).
    public var rowGroupRowCountMax: Int
    /// A string column chunk is dictionary encoded when it has at most this many distinct values and
    /// each value occurs twice on average (`distinct * 2 <= values`): low-cardinality text.
    public var dictionaryCountMax: Int
    /// Page headers carry the CRC-32 of the stored page (`PageHeader.crc`), which readers verify.
    public var writesChecksums: Bool
    /// Column chunks carry statistics: null counts, and bounds for numbers, booleans and dates.
    public var writesStatistics: Bool
    /// The footer's `created_by`.
    public var createdBy: String

    public init(
        compression: ParquetCompression = .zstd,
        zstdLevel: Int32 = 3,
        pageRowCountMax: Int = 20_000,
        pageBytesMax: Int = 1 << 20,
        rowGroupRowCountMax: Int = 100_000,
        dictionaryCountMax: Int = 1 << 16,
        writesChecksums: Bool = true,
        writesStatistics: Bool = true,
        createdBy: String = "vectordb version 0.1.0"
    ) {
        self.compression = compression
        self.zstdLevel = zstdLevel
        self.pageRowCountMax = pageRowCountMax
        self.pageBytesMax = pageBytesMax
        self.rowGroupRowCountMax = rowGroupRowCountMax
        self.dictionaryCountMax = dictionaryCountMax
        self.writesChecksums = writesChecksums
        self.writesStatistics = writesStatistics
        self.createdBy = createdBy
    }

    /// Checks the options are usable.
    ///
    /// - Throws: `ParquetError.badInput` naming the first bad option.
    func validate() throws(ParquetError) {
        guard compression == .zstd || compression == .uncompressed else {
            throw .badInput("compression \(compression) is not supported (zstd or uncompressed)")
        }
        guard (1...19).contains(zstdLevel) else { throw .badInput("zstd level \(zstdLevel) is not in 1...19") }
        guard pageRowCountMax >= 1, pageBytesMax >= 1, rowGroupRowCountMax >= 1 else {
            throw .badInput("page and row-group bounds must be positive")
        }
        guard dictionaryCountMax >= 0 else { throw .badInput("dictionaryCountMax must not be negative") }
    }
}
