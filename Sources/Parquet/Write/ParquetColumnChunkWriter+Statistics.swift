extension ParquetColumnChunkWriter {
    /// The chunk's statistics: the null count for every flat column; bounds (PLAIN bytes, type
    /// order) for int64, date, double and boolean columns; the NaN count for doubles, whose bounds
    /// skip NaNs and write a zero bound as -0.0 (min) and +0.0 (max), as the spec asks. List
    /// columns get none (a LIST has no defined order, and readers count a leaf's nulls differently).
    func statistics(_ pages: [ParquetShreddedPage]) -> ParquetStatistics? {
        guard !column.kind.isList else { return nil }
        var statistics = ParquetStatistics(nullCount: Int64(pages.reduce(0) { $0 + $1.nullRowCount }))
        var values = ParquetLeafValues.empty(column.kind.physicalType)
        for page in pages { values.append(page.values) }
        func bounds(_ minimum: ParquetLeafValues, _ maximum: ParquetLeafValues) {
            statistics.minValue = PlainEncoder.statisticsBound(minimum)
            statistics.maxValue = PlainEncoder.statisticsBound(maximum)
        }
        switch values {
        case .int64s(let numbers):
            if let minimum = numbers.min(), let maximum = numbers.max() {
                bounds(.int64s([minimum]), .int64s([maximum]))
            }
        case .int32s(let numbers):
            if let minimum = numbers.min(), let maximum = numbers.max() {
                bounds(.int32s([minimum]), .int32s([maximum]))
            }
        case .doubles(let numbers):
            let finite = numbers.filter { !$0.isNaN }
            statistics.nanCount = Int64(numbers.count - finite.count)
            if let minimum = finite.min(), let maximum = finite.max() {
                bounds(.doubles([minimum == 0 ? -0.0 : minimum]), .doubles([maximum == 0 ? 0.0 : maximum]))
            }
        case .booleans(let flags):
            if !flags.isEmpty { bounds(.booleans([!flags.contains(false)]), .booleans([flags.contains(true)])) }
        case .floats, .byteArrays:
            break
        }
        return statistics
    }
}
