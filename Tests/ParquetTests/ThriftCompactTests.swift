import Testing

@testable import Parquet

/// The compact protocol against bytes worked out by hand from the spec, and round trips through
/// our reader: short and long field headers, long lists, nested structs, skipped unknown fields.
@Suite struct ThriftCompactTests {
    @Test func shortFieldHeadersCarryTheDeltaAndType() {
        var writer = ThriftCompactWriter()
        writer.writeStruct { writer in
            writer.write(field: 1, i32: 1)  // 0x15 = delta 1, type i32; zigzag(1) = 2
            writer.write(field: 2, i64: -1)  // 0x16 = delta 1, type i64; zigzag(-1) = 1
            writer.write(field: 4, string: "ab")  // 0x28 = delta 2, binary; length 2
            writer.write(field: 5, bool: true)  // 0x11 = delta 1, boolean true
        }
        #expect(writer.bytes == [0x15, 0x02, 0x16, 0x01, 0x28, 0x02, 0x61, 0x62, 0x11, 0x00])
    }

    @Test func largeDeltasUseTheLongFormAndLongListsASizeVarint() {
        var writer = ThriftCompactWriter()
        writer.writeStruct { writer in
            writer.write(field: 20, i32: 300)  // type byte 0x05, zigzag(20) = 40, zigzag(300) = 600 = 0xD8 0x04
            writer.write(field: 21, i32List: Array(repeating: 0, count: 15))  // 0x19, then 0xF5, size 15
        }
        let expected: [UInt8] = [0x05, 0x28, 0xD8, 0x04, 0x19, 0xF5, 0x0F] + Array(repeating: 0, count: 15) + [0x00]
        #expect(writer.bytes == expected)
    }

    @Test func nestedStructsRoundTripAndUnknownFieldsAreSkipped() throws {
        var writer = ThriftCompactWriter()
        writer.writeStruct { writer in
            writer.write(field: 1, i64: Int64.min)
            writer.writeStruct(field: 2) { inner in
                inner.write(field: 7, stringList: ["x", "yz"])
                inner.write(field: 40, bool: false)
            }
            writer.write(field: 3, structList: [1, 2, 3]) { element, value in element.write(field: 1, i32: value) }
            writer.write(field: 9, binary: [1, 2, 3])
            writer.write(field: 10, i16: -7)
        }
        var reader = ThriftCompactReader(bytes: writer.bytes)
        var seen: [String] = []
        try reader.readStruct { reader, field throws(ParquetError) in
            switch field.id {
            case 1: seen.append("i64 \(try reader.readI64(field))")
            case 2:
                try reader.readStruct { reader, inner throws(ParquetError) in
                    guard inner.id == 7 else { return false }  // field 40 is skipped
                    seen.append("list \(try reader.readStringList(inner))")
                    return true
                }
            case 3:
                let values = try reader.readStructList(field) { reader throws(ParquetError) in
                    var value: Int32 = 0
                    try reader.readStruct { reader, field throws(ParquetError) in
                        value = try reader.readI32(field)
                        return true
                    }
                    return value
                }
                seen.append("structs \(values)")
            case 10: seen.append("i16 \(try reader.readI16(field))")
            default: return false  // field 9, a binary, is skipped
            }
            return true
        }
        #expect(seen == ["i64 \(Int64.min)", "list [\"x\", \"yz\"]", "structs [1, 2, 3]", "i16 -7"])
        #expect(reader.position == writer.bytes.count)
    }

    @Test func truncatedAndMistypedInputIsCorruptionAtItsOffset() {
        var writer = ThriftCompactWriter()
        writer.writeStruct { $0.write(field: 1, string: "hello") }
        let truncated = Array(writer.bytes.dropLast(3))
        var reader = ThriftCompactReader(bytes: truncated)
        #expect(throws: ParquetError.self) {
            try reader.readStruct { reader, field throws(ParquetError) in
                _ = try reader.readString(field)
                return true
            }
        }
        var mistyped = ThriftCompactReader(bytes: writer.bytes)
        do {
            try mistyped.readStruct { reader, field throws(ParquetError) in
                _ = try reader.readI32(field)
                return true
            }
            Issue.record("a binary read as an i32")
        } catch {
            #expect(error.code == .corruption)
            #expect(error.offsetBytes == 1)
        }
    }

    /// The two examples of docs/formats/parquet.md, "Thrift compact protocol".
    @Test func schemaElementsEncodeAsTheFormatDocumentShows() throws {
        var writer = ThriftCompactWriter()
        writer.writeStruct { ParquetSchemaElement(name: "cik", type: .int64, repetition: .required).encode(&$0) }
        #expect(writer.bytes == [0x15, 0x04, 0x25, 0x00, 0x18, 0x03, 0x63, 0x69, 0x6B, 0x00])
        var form = ThriftCompactWriter()
        form.writeStruct {
            ParquetSchemaElement(name: "form", type: .byteArray, repetition: .optional, logicalType: .string).encode(
                &$0
            )
        }
        let expected: [UInt8] =
            [0x15, 0x0C, 0x25, 0x02, 0x18, 0x04] + Array("form".utf8) + [0x25, 0x00, 0x4C, 0x1C, 0x00, 0x00, 0x00]
        #expect(form.bytes == expected)
        var reader = ThriftCompactReader(bytes: form.bytes)
        let decoded = try ParquetSchemaElement.decode(&reader)
        #expect(decoded.logicalType == .string && decoded.repetition == .optional && decoded.name == "form")
    }

    @Test func nestingDeeperThanTheLimitIsRefused() {
        // Field 1 of type struct, nested 40 times, never closed: the skip must stop at the depth limit.
        let bytes = [UInt8](repeating: 0x1C, count: 40)
        var reader = ThriftCompactReader(bytes: bytes)
        do {
            try reader.readStruct { _, _ throws(ParquetError) in false }
            Issue.record("unbounded nesting accepted")
        } catch {
            #expect(error.code == .corruption)
            #expect(error.message.contains("nested deeper"))
        }
    }
}
