/// Parquet's value and level encodings (`Encoding` in parquet.thrift). The writer uses `plain`,
/// `rle` (levels) and `rleDictionary` (dictionary indices); the reader reads those and the legacy
/// `plainDictionary`, which means the same as `rleDictionary` in a data page.
public enum ParquetEncoding: Int32, Sendable, Hashable {
    case plain = 0
    case plainDictionary = 2
    case rle = 3
    case bitPacked = 4
    case deltaBinaryPacked = 5
    case deltaLengthByteArray = 6
    case deltaByteArray = 7
    case rleDictionary = 8
    case byteStreamSplit = 9
}
