/// One page's worth of a column, shredded into Dremel levels and leaf values: what a data page
/// stores (docs/formats/parquet.md, "Levels").
struct ParquetShreddedPage: Sendable, Equatable {
    /// One per entry when the column's maximum repetition level is above 0 (lists): 0 opens a row,
    /// 1 continues its list. Empty otherwise.
    var repetitionLevels: [UInt32]
    /// One per entry when the maximum definition level is above 0; an entry whose level is the
    /// maximum carries a leaf value. Empty otherwise.
    var definitionLevels: [UInt32]
    /// The leaf values, in entry order.
    var values: ParquetLeafValues
    /// Level entries (`DataPageHeader.num_values`): rows for flat columns, list slots for lists.
    var entryCount: Int
    /// Rows with no value (flat columns and lists alike), for statistics; 0 in pages the reader
    /// decoded (the assembler rebuilds the nulls from the levels).
    var nullRowCount: Int
}
