/// The kinds of page (`PageType` in parquet.thrift); we write `dataPage` (v1) and `dictionaryPage`.
public enum ParquetPageType: Int32, Sendable, Hashable {
    case dataPage = 0
    case indexPage = 1
    case dictionaryPage = 2
    case dataPageV2 = 3
}
