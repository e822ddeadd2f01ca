/// Decodes one decompressed v1 data page: repetition levels, definition levels (each a 4-byte
/// little-endian length then RLE hybrid, when the column's maximum level is above 0), then values
/// (PLAIN, or dictionary indices: a bit-width byte and RLE hybrid).
struct ParquetDataPageDecoder {
    let column: ParquetColumn
    let header: ParquetPageHeader
    /// The page's file offset, for errors.
    let pageOffset: Int

    func decode(_ body: [UInt8], dictionary: ParquetLeafValues?) throws(ParquetError) -> ParquetShreddedPage {
        guard header.repetitionLevelEncoding == .rle, header.definitionLevelEncoding == .rle else {
            throw ParquetError(code: .unsupported, message: "levels not RLE encoded", offsetBytes: pageOffset)
        }
        let count = Int(header.numValues)
        guard count >= 0 else { throw corruption("a page of \(count) values") }
        var position = 0
        let repetition = try levels(body, &position, maximum: column.maxRepetitionLevel, count: count)
        let definition = try levels(body, &position, maximum: column.maxDefinitionLevel, count: count)
        let maxDefinition = UInt32(column.maxDefinitionLevel)
        let present = column.maxDefinitionLevel == 0 ? count : definition.lazy.filter { $0 == maxDefinition }.count
        let values: ParquetLeafValues
        switch header.encoding {
        case .plain:
            values = try PlainDecoder.decode(
                body,
                position..<body.count,
                type: column.kind.physicalType,
                count: present,
                pageOffset: pageOffset
            )
        case .rleDictionary, .plainDictionary:
            guard case .byteArrays(let entries) = dictionary, position < body.count else {
                throw corruption("a dictionary-encoded page without a dictionary")
            }
            let indices = try RLEHybridDecoder.decode(
                body,
                (position + 1)..<body.count,
                bitWidth: Int(body[position]),
                count: present,
                pageOffset: pageOffset
            )
            var arrays: [[UInt8]] = []
            arrays.reserveCapacity(indices.count)
            for index in indices {
                guard Int(index) < entries.count else { throw corruption("index \(index) of \(entries.count) entries") }
                arrays.append(entries[Int(index)])
            }
            values = .byteArrays(arrays)
        default:
            throw ParquetError(
                code: .unsupported,
                message: "values in \(header.encoding) encoding",
                offsetBytes: pageOffset,
                column: column.name
            )
        }
        return ParquetShreddedPage(
            repetitionLevels: repetition,
            definitionLevels: definition,
            values: values,
            entryCount: count,
            nullRowCount: 0
        )
    }

    /// One level section, or none (an empty array) when `maximum` is 0.
    private func levels(
        _ body: [UInt8],
        _ position: inout Int,
        maximum: Int,
        count: Int
    ) throws(ParquetError) -> [UInt32] {
        guard maximum > 0 else { return [] }
        guard body.count - position >= 4 else { throw corruption("levels truncated") }
        let length = Int(body.loadLittleEndian(UInt32.self, at: position))
        position += 4
        guard length <= body.count - position else { throw corruption("levels of \(length) bytes overrun the page") }
        let levels = try RLEHybridDecoder.decode(
            body,
            position..<(position + length),
            bitWidth: RLEHybridEncoder.bitWidth(forMaximum: UInt32(maximum)),
            count: count,
            pageOffset: pageOffset
        )
        position += length
        return levels
    }

    private func corruption(_ message: String) -> ParquetError {
        .corruption(message, at: pageOffset, column: column.name)
    }
}
