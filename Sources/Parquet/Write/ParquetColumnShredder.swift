/// Turns a column's rows into levels and leaf values (`ParquetShreddedPage`).
///
/// A flat optional column: definition level 1 for a value, 0 for a null. A list column (three
/// levels, `maxDefinitionLevel` D): a null list is one entry (rep 0, def D-2; optional lists only),
/// an empty list one entry (rep 0, def D-1), and a list of n elements n entries (rep 0 then 1, def D).
enum ParquetColumnShredder {
    /// Shreds `rows` of `values`, which must be of `column.kind`.
    ///
    /// - Throws: `ParquetError.badInput` when the values are of another kind, or a required column
    ///   has a null.
    static func shred(
        _ values: ParquetColumnValues,
        rows: Range<Int>,
        column: ParquetColumn
    ) throws(ParquetError) -> ParquetShreddedPage {
        guard values.kind == column.kind else {
            throw .badInput(
                "values of kind \(values.kind.rawValue) for a \(column.kind.rawValue) column",
                column: column.name
            )
        }
        switch values {
        case .strings(let all): return try flat(all[rows], column) { .byteArrays($0.map { Array($0.utf8) }) }
        case .int64s(let all): return try flat(all[rows], column) { .int64s($0) }
        case .doubles(let all): return try flat(all[rows], column) { .doubles($0) }
        case .booleans(let all): return try flat(all[rows], column) { .booleans($0) }
        case .dates(let all): return try flat(all[rows], column) { .int32s($0) }
        case .stringLists(let all): return try list(all[rows], column) { .byteArrays($0.map { Array($0.utf8) }) }
        case .floatLists(let all): return try list(all[rows], column) { .floats($0) }
        }
    }

    private static func flat<T>(
        _ rows: ArraySlice<T?>,
        _ column: ParquetColumn,
        _ leaves: ([T]) -> ParquetLeafValues
    ) throws(ParquetError) -> ParquetShreddedPage {
        var present: [T] = []
        present.reserveCapacity(rows.count)
        var definition: [UInt32] = []
        if !column.isRequired { definition.reserveCapacity(rows.count) }
        for row in rows {
            if let value = row {
                present.append(value)
            } else if column.isRequired {
                throw .badInput("a null in a required column", column: column.name)
            }
            if !column.isRequired { definition.append(row == nil ? 0 : 1) }
        }
        return ParquetShreddedPage(
            repetitionLevels: [],
            definitionLevels: definition,
            values: leaves(present),
            entryCount: rows.count,
            nullRowCount: rows.count - present.count
        )
    }

    private static func list<T>(
        _ rows: ArraySlice<[T]?>,
        _ column: ParquetColumn,
        _ leaves: ([T]) -> ParquetLeafValues
    ) throws(ParquetError) -> ParquetShreddedPage {
        let maxDefinition = UInt32(column.maxDefinitionLevel)
        var elements: [T] = []
        var repetition: [UInt32] = []
        var definition: [UInt32] = []
        var nulls = 0
        for row in rows {
            guard let list = row else {
                guard !column.isRequired else { throw .badInput("a null in a required column", column: column.name) }
                repetition.append(0)
                definition.append(maxDefinition - 2)
                nulls += 1
                continue
            }
            if list.isEmpty {
                repetition.append(0)
                definition.append(maxDefinition - 1)
                continue
            }
            for index in list.indices {
                repetition.append(index == list.startIndex ? 0 : 1)
                definition.append(maxDefinition)
            }
            elements.append(contentsOf: list)
        }
        return ParquetShreddedPage(
            repetitionLevels: repetition,
            definitionLevels: definition,
            values: leaves(elements),
            entryCount: repetition.count,
            nullRowCount: nulls
        )
    }
}
