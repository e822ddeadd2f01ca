import Testing

@testable import Parquet

/// Damage and misuse: every corrupted byte we plant is reported as corruption (never returned as
/// data), with the offset of the structure that failed; bad values are refused before any byte.
@Suite struct ParquetCorruptionTests {
    static let schema = ParquetSchema(columns: [
        ParquetColumn(name: "name", kind: .string, isRequired: true),
        ParquetColumn(name: "count", kind: .int64, isRequired: false),
    ])

    static func file() throws -> [UInt8] {
        let names: [String?] = (0..<100).map { "name \($0 % 7)" }
        let counts: [Int64?] = (0..<100).map { $0 % 3 == 0 ? nil : Int64($0) }
        return try ParquetWriter.file(schema: schema, rowGroups: [[.strings(names), .int64s(counts)]])
    }

    @Test func aFlippedPageByteFailsItsChecksum() throws {
        var bytes = try Self.file()
        let chunk = try ParquetReader(bytes: bytes).metadata.rowGroups[0].columns[1]
        let last = Int(chunk.startOffset + chunk.totalCompressedSize) - 1
        bytes[last] ^= 0x40
        let reader = try ParquetReader(bytes: bytes)
        do {
            _ = try reader.values(column: 1, rowGroup: 0)
            Issue.record("a damaged page was read")
        } catch {
            #expect(error.code == .corruption)
            #expect(error.message.contains("checksum"))
            #expect(error.column == "count")
            #expect((Int(chunk.startOffset)...last).contains(error.offsetBytes ?? -1))
        }
        #expect(try reader.values(column: 0, rowGroup: 0).count == 100)  // the other chunk is intact
    }

    @Test func everyTruncationOrBadMagicIsCorruption() throws {
        let bytes = try Self.file()
        for length in [0, 3, 11, bytes.count / 2, bytes.count - 9, bytes.count - 1] {
            #expect(throws: ParquetError.self, "\(length) bytes") {
                try ParquetReader(bytes: Array(bytes.prefix(length)))
            }
        }
        var badStart = bytes
        badStart[0] = UInt8(ascii: "Q")
        #expect(throws: ParquetError.self) { try ParquetReader(bytes: badStart) }
        var badLength = bytes
        badLength[bytes.count - 8] ^= 0xFF
        #expect(throws: ParquetError.self) { try ParquetReader(bytes: badLength) }
    }

    @Test func randomByteFlipsNeverYieldDifferentValues() throws {
        let bytes = try Self.file()
        let reader = try ParquetReader(bytes: bytes)
        let expected = try (0..<2).map { try reader.values(column: $0) }
        var generator = SplitMix(state: 99)
        for _ in 0..<300 {
            var damaged = bytes
            let index = Int.random(in: 0..<bytes.count, using: &generator)
            damaged[index] ^= UInt8.random(in: 1...255, using: &generator)
            guard let damagedReader = try? ParquetReader(bytes: damaged) else { continue }
            for column in 0..<2 {
                // Either an error, or the very values written (a flip in an unused footer byte, e.g.
                // `created_by` or a statistic).
                if let values = try? damagedReader.values(column: column) {
                    #expect(values == expected[column], "flip at \(index)")
                }
            }
        }
    }

    @Test func valuesThatDoNotFitTheSchemaAreRefused() throws {
        var writer = try ParquetWriter(schema: Self.schema)
        #expect(throws: ParquetError.self) { try writer.writeRowGroup([.strings(["a", nil]), .int64s([1, 2])]) }
        #expect(throws: ParquetError.self) { try writer.writeRowGroup([.int64s([1]), .int64s([1])]) }
        #expect(throws: ParquetError.self) { try writer.writeRowGroup([.strings(["a"]), .int64s([1, 2])]) }
        #expect(throws: ParquetError.self) { try writer.writeRowGroup([.strings(["a"])]) }
        #expect(writer.offsetBytes == 0)
        #expect(throws: ParquetError.self) {
            try ParquetWriter(schema: ParquetSchema(columns: [Self.schema.columns[0], Self.schema.columns[0]]))
        }
    }
}
