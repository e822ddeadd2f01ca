import Codecs

/// Encodes one column of one row group as a column chunk: an optional dictionary page, then data
/// pages (v1), each `PageHeader` + compressed (levels, values).
struct ParquetColumnChunkWriter {
    let column: ParquetColumn
    let options: ParquetWriterOptions

    /// The chunk's bytes, its footer metadata, and its uncompressed size (headers included).
    struct Output {
        var bytes: [UInt8]
        var metadata: ParquetColumnMetadata
        var uncompressedBytes: Int
    }

    /// Encodes `values` as the chunk starting at file offset `fileOffset`.
    ///
    /// - Throws: `ParquetError.badInput` for values of the wrong kind, a null in a required column,
    ///   or a page over 2 GiB.
    func write(_ values: ParquetColumnValues, fileOffset: Int) throws(ParquetError) -> Output {
        var pages: [ParquetShreddedPage] = []
        for rows in values.pageRanges(rowCountMax: options.pageRowCountMax, bytesMax: options.pageBytesMax) {
            pages.append(try ParquetColumnShredder.shred(values, rows: rows, column: column))
        }
        let dictionary =
            column.kind.physicalType == .byteArray && options.dictionaryCountMax > 0
            ? ParquetDictionary.build(pages, countMax: options.dictionaryCountMax) : nil
        var output = Output(
            bytes: [],
            metadata: ParquetColumnMetadata(
                type: column.kind.physicalType,
                encodings: dictionary == nil ? [.plain, .rle] : [.plain, .rle, .rleDictionary],
                pathInSchema: column.path,
                codec: options.compression,
                numValues: Int64(pages.reduce(0) { $0 + $1.entryCount }),
                totalUncompressedSize: 0,
                totalCompressedSize: 0,
                dataPageOffset: Int64(fileOffset)
            ),
            uncompressedBytes: 0
        )
        if let dictionary {
            var plain: [UInt8] = []
            PlainEncoder.encode(.byteArrays(dictionary.entries), to: &plain)
            output.metadata.dictionaryPageOffset = Int64(fileOffset)
            try append(page: plain, type: .dictionaryPage, count: dictionary.entries.count, encoding: .plain, &output)
            output.metadata.dataPageOffset = Int64(fileOffset + output.bytes.count)
        }
        for page in pages {
            let body = encodeBody(page, dictionary: dictionary)
            let encoding: ParquetEncoding = dictionary == nil ? .plain : .rleDictionary
            try append(page: body, type: .dataPage, count: page.entryCount, encoding: encoding, &output)
        }
        output.metadata.totalCompressedSize = Int64(output.bytes.count)
        output.metadata.totalUncompressedSize = Int64(output.uncompressedBytes)
        if options.writesStatistics { output.metadata.statistics = statistics(pages) }
        return output
    }

    /// A data page's uncompressed bytes: repetition levels, definition levels (each a 4-byte
    /// little-endian length then RLE hybrid, present when the maximum level is above 0), then the
    /// values: PLAIN, or the index bit width in one byte followed by the RLE-hybrid indices.
    private func encodeBody(_ page: ParquetShreddedPage, dictionary: ParquetDictionary?) -> [UInt8] {
        var body: [UInt8] = []
        for (levels, maximum) in [
            (page.repetitionLevels, column.maxRepetitionLevel), (page.definitionLevels, column.maxDefinitionLevel),
        ] where maximum > 0 {
            let encoded = RLEHybridEncoder.encode(
                levels,
                bitWidth: RLEHybridEncoder.bitWidth(forMaximum: UInt32(maximum))
            )
            body.appendLittleEndian(UInt32(encoded.count))
            body.append(contentsOf: encoded)
        }
        if let dictionary {
            body.append(UInt8(dictionary.bitWidth))
            body.append(
                contentsOf: RLEHybridEncoder.encode(dictionary.indices(of: page.values), bitWidth: dictionary.bitWidth)
            )
        } else {
            PlainEncoder.encode(page.values, to: &body)
        }
        return body
    }

    /// Compresses `page`, prefixes its header, and appends both to the chunk.
    private func append(
        page: [UInt8],
        type: ParquetPageType,
        count: Int,
        encoding: ParquetEncoding,
        _ output: inout Output
    ) throws(ParquetError) {
        let stored: [UInt8]
        switch options.compression {
        case .zstd:
            do { stored = try ZstdCodec.compress(page, level: options.zstdLevel) } catch {
                throw ParquetError(code: .badInput, message: "zstd: \(error)", column: column.name)
            }
        default: stored = page
        }
        guard let uncompressedSize = Int32(exactly: page.count), let storedSize = Int32(exactly: stored.count),
            let valueCount = Int32(exactly: count)
        else { throw .badInput("a page of \(page.count) bytes or \(count) values exceeds 2^31", column: column.name) }
        let header = ParquetPageHeader(
            type: type,
            uncompressedPageSize: uncompressedSize,
            compressedPageSize: storedSize,
            crc: options.writesChecksums ? Int32(bitPattern: CRC32.checksum(stored)) : nil,
            numValues: valueCount,
            encoding: encoding
        ).encoded()
        output.bytes.append(contentsOf: header)
        output.bytes.append(contentsOf: stored)
        output.uncompressedBytes += header.count + page.count
    }
}
