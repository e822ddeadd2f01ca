/// Page compression codecs (`CompressionCodec` in parquet.thrift). We write and read `zstd` and
/// `uncompressed`; the others are recognised only to be refused as *unsupported*.
public enum ParquetCompression: Int32, Sendable, Hashable {
    case uncompressed = 0
    case snappy = 1
    case gzip = 2
    case lzo = 3
    case brotli = 4
    case lz4 = 5
    /// One zstd frame per page (RFC 8878), holding the page's levels and values.
    case zstd = 6
    case lz4Raw = 7
}
