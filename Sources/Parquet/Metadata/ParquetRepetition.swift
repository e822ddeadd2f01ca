/// How often a schema node occurs in its parent (`FieldRepetitionType` in parquet.thrift).
public enum ParquetRepetition: Int32, Sendable, Hashable {
    /// Exactly once: no definition level.
    case required = 0
    /// Zero or one time: adds one definition level.
    case optional = 1
    /// Zero or more times: adds one definition and one repetition level.
    case repeated = 2
}
