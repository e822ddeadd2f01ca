/// Rebuilds a column's rows from levels and leaf values: the inverse of `ParquetColumnShredder`.
enum ParquetColumnAssembler {
    /// The rows the entries describe.
    ///
    /// - Parameters:
    ///   - repetitionLevels: one per entry for list columns, else empty.
    ///   - definitionLevels: one per entry when the column's maximum definition level is above 0.
    ///   - entryCount: level entries of the chunk.
    ///   - chunkOffset: the chunk's file offset, for errors.
    /// - Throws: `ParquetError.corruption` when a level is out of range, the values do not match the
    ///   levels, or a list entry continues no row.
    static func assemble(
        column: ParquetColumn,
        repetitionLevels: [UInt32],
        definitionLevels: [UInt32],
        values: ParquetLeafValues,
        entryCount: Int,
        chunkOffset: Int
    ) throws(ParquetError) -> ParquetColumnValues {
        let levels = Levels(
            column: column,
            repetition: repetitionLevels,
            definition: definitionLevels,
            entryCount: entryCount,
            chunkOffset: chunkOffset
        )
        switch (column.kind, values) {
        case (.string, .byteArrays(let leaves)): return .strings(try levels.flat(leaves.map(Self.string)))
        case (.int64, .int64s(let leaves)): return .int64s(try levels.flat(leaves))
        case (.double, .doubles(let leaves)): return .doubles(try levels.flat(leaves))
        case (.boolean, .booleans(let leaves)): return .booleans(try levels.flat(leaves))
        case (.date, .int32s(let leaves)): return .dates(try levels.flat(leaves))
        case (.stringList, .byteArrays(let leaves)): return .stringLists(try levels.list(leaves.map(Self.string)))
        case (.floatList, .floats(let leaves)): return .floatLists(try levels.list(leaves))
        default:
            throw .corruption(
                "leaf values do not fit a \(column.kind.rawValue) column",
                at: chunkOffset,
                column: column.name
            )
        }
    }

    /// UTF-8 bytes as a string; invalid sequences are repaired (the writer only stores valid text).
    private static func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    private struct Levels {
        let column: ParquetColumn
        let repetition: [UInt32]
        let definition: [UInt32]
        let entryCount: Int
        let chunkOffset: Int

        func corruption(_ message: String) -> ParquetError {
            .corruption(message, at: chunkOffset, column: column.name)
        }

        func flat<T>(_ leaves: [T]) throws(ParquetError) -> [T?] {
            guard column.maxDefinitionLevel > 0 else {
                guard leaves.count == entryCount else {
                    throw corruption("\(leaves.count) values for \(entryCount) rows")
                }
                return leaves
            }
            guard definition.count == entryCount else {
                throw corruption("\(definition.count) levels for \(entryCount)")
            }
            var rows: [T?] = []
            rows.reserveCapacity(entryCount)
            var next = 0
            for level in definition {
                guard level <= 1 else { throw corruption("definition level \(level) above 1") }
                if level == 1 {
                    guard next < leaves.count else {
                        throw corruption("more present levels than \(leaves.count) values")
                    }
                    rows.append(leaves[next])
                    next += 1
                } else {
                    rows.append(nil)
                }
            }
            guard next == leaves.count else { throw corruption("\(leaves.count - next) values without a level") }
            return rows
        }

        func list<T>(_ leaves: [T]) throws(ParquetError) -> [[T]?] {
            guard repetition.count == entryCount, definition.count == entryCount else {
                throw corruption("\(repetition.count) and \(definition.count) levels for \(entryCount) entries")
            }
            let maxDefinition = UInt32(column.maxDefinitionLevel)
            var rows: [[T]?] = []
            var next = 0
            for (repeated, level) in zip(repetition, definition) {
                guard repeated <= 1, level <= maxDefinition else {
                    throw corruption("levels (\(repeated), \(level)) above (1, \(maxDefinition))")
                }
                if repeated == 1 {
                    guard level == maxDefinition, let last = rows.indices.last, rows[last] != nil else {
                        throw corruption("a list element continues no list")
                    }
                } else {
                    rows.append(level + 2 == maxDefinition ? nil : [])
                    if level + 2 == maxDefinition || level + 1 == maxDefinition { continue }
                }
                guard next < leaves.count else { throw corruption("more elements than \(leaves.count) values") }
                rows[rows.count - 1]?.append(leaves[next])
                next += 1
            }
            guard next == leaves.count else { throw corruption("\(leaves.count - next) values without a level") }
            return rows
        }
    }
}
