import Testing

@testable import Parquet

/// Writer → reader round trips: every column kind, nulls, dictionaries, several pages and row
/// groups, both codecs, and seeded random tables (the property: what is written is read back).
@Suite struct ParquetRoundTripTests {
    static let schema = ParquetSchema(columns: [
        ParquetColumn(name: "id", kind: .string, isRequired: true),
        ParquetColumn(name: "form", kind: .string, isRequired: false),
        ParquetColumn(name: "cik", kind: .int64, isRequired: true),
        ParquetColumn(name: "score", kind: .double, isRequired: false),
        ParquetColumn(name: "flag", kind: .boolean, isRequired: false),
        ParquetColumn(name: "filed", kind: .date, isRequired: false),
        ParquetColumn(name: "tickers", kind: .stringList, isRequired: false),
        ParquetColumn(name: "vector", kind: .floatList, isRequired: true),
    ])

    static func table(rows: Int, seed: UInt64) -> [ParquetColumnValues] {
        var generator = SplitMix(state: seed)
        func maybe<T>(_ value: T) -> T? { Int.random(in: 0..<4, using: &generator) == 0 ? nil : value }
        let forms = ["10-K", "10-Q", "8-K", "10-K/A", "EX-99.1 é"]
        var ids: [String?] = []
        var form: [String?] = []
        var cik: [Int64?] = []
        var score: [Double?] = []
        var flag: [Bool?] = []
        var filed: [Int32?] = []
        var tickers: [[String]?] = []
        var vector: [[Float]?] = []
        for row in 0..<rows {
            ids.append("doc-\(row)-\(UInt32.random(in: 0...UInt32.max, using: &generator))")
            form.append(maybe(forms[Int.random(in: 0..<forms.count, using: &generator)]))
            cik.append(Int64.random(in: Int64.min...Int64.max, using: &generator))
            score.append(maybe(Double.random(in: -1e6...1e6, using: &generator)))
            flag.append(maybe(Bool.random(using: &generator)))
            filed.append(maybe(Int32.random(in: -3_000_000...3_000_000, using: &generator)))
            let tickerCount = Int.random(in: 0...3, using: &generator)
            tickers.append(
                maybe((0..<tickerCount).map { _ in ["HRSC", "NWFL", "", "ÅB"].randomElement(using: &generator) ?? "" })
            )
            vector.append(
                (0..<Int.random(in: 0...4, using: &generator)).map { _ in Float.random(in: -1...1, using: &generator) }
            )
        }
        return [
            .strings(ids), .strings(form), .int64s(cik), .doubles(score), .booleans(flag), .dates(filed),
            .stringLists(tickers), .floatLists(vector),
        ]
    }

    static func readAll(_ bytes: [UInt8]) throws -> (ParquetReader, [ParquetColumnValues]) {
        let reader = try ParquetReader(bytes: bytes)
        return (reader, try reader.schema.columns.indices.map { try reader.values(column: $0) })
    }

    @Test(arguments: [ParquetCompression.zstd, .uncompressed])
    func everyKindRoundTripsWithNulls(compression: ParquetCompression) throws {
        let table = Self.table(rows: 300, seed: 1)
        let options = ParquetWriterOptions(compression: compression)
        let bytes = try ParquetWriter.file(schema: Self.schema, rowGroups: [table], options: options)
        #expect(Array(bytes.prefix(4)) == ParquetWriter.magic && Array(bytes.suffix(4)) == ParquetWriter.magic)
        let (reader, columns) = try Self.readAll(bytes)
        #expect(reader.schema == Self.schema)
        #expect(reader.rowCount == 300)
        #expect(columns == table)
        #expect(reader.metadata.rowGroups[0].columns.allSatisfy { $0.codec == compression })
    }

    @Test func lowCardinalityStringsAreDictionaryEncodedAndUniqueOnesPlain() throws {
        let table = Self.table(rows: 500, seed: 2)
        let bytes = try ParquetWriter.file(schema: Self.schema, rowGroups: [table])
        let (reader, columns) = try Self.readAll(bytes)
        let chunks = reader.metadata.rowGroups[0].columns
        #expect(chunks[0].dictionaryPageOffset == nil && !chunks[0].encodings.contains(.rleDictionary))  // id
        #expect(chunks[1].dictionaryPageOffset != nil && chunks[1].encodings.contains(.rleDictionary))  // form
        #expect(chunks[6].dictionaryPageOffset != nil)  // tickers' elements
        #expect(chunks[1].dataPageOffset > chunks[1].startOffset)
        #expect(columns == table)
    }

    @Test func manyPagesAndRowGroupsRoundTrip() throws {
        let groups = [Self.table(rows: 1_000, seed: 3), Self.table(rows: 1, seed: 4), Self.table(rows: 777, seed: 5)]
        let options = ParquetWriterOptions(pageRowCountMax: 64, pageBytesMax: 2_048, rowGroupRowCountMax: 1_000)
        let bytes = try ParquetWriter.file(schema: Self.schema, rowGroups: groups, options: options)
        let reader = try ParquetReader(bytes: bytes)
        #expect(reader.rowGroupCount == 3 && reader.rowCount == 1_778)
        for (index, group) in groups.enumerated() {
            for column in Self.schema.columns.indices {
                #expect(try reader.values(column: column, rowGroup: index) == group[column])
            }
        }
        // Offsets in the footer chain: each row group starts where the previous one ended.
        let starts = reader.metadata.rowGroups.compactMap(\.fileOffset)
        let sizes = reader.metadata.rowGroups.compactMap(\.totalCompressedSize)
        #expect(starts[0] == 4 && starts[1] == starts[0] + sizes[0] && starts[2] == starts[1] + sizes[1])
    }

    @Test func seededRandomTablesRoundTrip() throws {
        for seed in UInt64(10)..<UInt64(30) {
            var generator = SplitMix(state: seed)
            let rows = Int.random(in: 1...400, using: &generator)
            let options = ParquetWriterOptions(
                compression: Bool.random(using: &generator) ? .zstd : .uncompressed,
                pageRowCountMax: Int.random(in: 1...200, using: &generator),
                dictionaryCountMax: Int.random(in: 0...8, using: &generator),
                writesChecksums: Bool.random(using: &generator),
                writesStatistics: Bool.random(using: &generator)
            )
            let table = Self.table(rows: rows, seed: seed)
            let bytes = try ParquetWriter.file(schema: Self.schema, rowGroups: [table, table], options: options)
            let (_, columns) = try Self.readAll(bytes)
            for (index, column) in columns.enumerated() {
                var doubled = table[index]
                doubled.append(table[index])
                #expect(column == doubled, "seed \(seed), column \(index)")
            }
        }
    }

    @Test func aFileWithoutRowGroupsIsValid() throws {
        var writer = try ParquetWriter(schema: Self.schema)
        let bytes = try writer.finish()
        let (reader, columns) = try Self.readAll(bytes)
        #expect(reader.rowCount == 0 && reader.rowGroupCount == 0)
        #expect(columns.map(\.count) == Array(repeating: 0, count: Self.schema.columns.count))
    }

    @Test func statisticsCarryNullCountsAndTypedBounds() throws {
        let schema = ParquetSchema(columns: [
            ParquetColumn(name: "n", kind: .int64, isRequired: false),
            ParquetColumn(name: "d", kind: .double, isRequired: true),
            ParquetColumn(name: "b", kind: .boolean, isRequired: true),
        ])
        let table: [ParquetColumnValues] = [
            .int64s([5, nil, -3, nil]), .doubles([0.0, 2.5, -0.0, 1]), .booleans([true, true, true, true]),
        ]
        let bytes = try ParquetWriter.file(schema: schema, rowGroups: [table])
        let chunks = try ParquetReader(bytes: bytes).metadata.rowGroups[0].columns
        #expect(chunks[0].statistics?.nullCount == 2)
        #expect(chunks[0].statistics?.minValue == [0xFD, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
        #expect(chunks[0].statistics?.maxValue == [5, 0, 0, 0, 0, 0, 0, 0])
        #expect(chunks[1].statistics?.minValue == (-0.0 as Double).bitPattern.littleEndianBytes)
        #expect(chunks[1].statistics?.maxValue == (2.5 as Double).bitPattern.littleEndianBytes)
        #expect(chunks[1].statistics?.nanCount == 0)
        #expect(chunks[2].statistics?.minValue == [1] && chunks[2].statistics?.maxValue == [1])
    }
}

extension UInt64 {
    var littleEndianBytes: [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: self >> (8 * $0)) } }
}
