import Codecs

/// Decodes one column chunk back into rows: page headers, CRC checks, decompression, the
/// dictionary, levels and values. Reads what `ParquetColumnChunkWriter` writes, and any v1-page
/// chunk of the same shapes (PLAIN or dictionary values, RLE levels, zstd or no compression).
struct ParquetColumnChunkReader {
    /// Pages declaring more uncompressed bytes than this are corruption (bounds allocations).
    static let pageBytesMax = 1 << 30

    let column: ParquetColumn
    let metadata: ParquetColumnMetadata

    /// The chunk's rows, read from `bytes` (the whole file, or any buffer in which the chunk sits at
    /// `metadata`'s offsets).
    ///
    /// - Throws: `ParquetError.corruption` (with the page's offset) for damaged pages, checksums,
    ///   sizes or levels; `unsupported` for codecs and encodings this package does not read.
    func read(_ bytes: [UInt8]) throws(ParquetError) -> ParquetColumnValues {
        guard metadata.codec == .zstd || metadata.codec == .uncompressed else {
            throw ParquetError(code: .unsupported, message: "codec \(metadata.codec)", column: column.name)
        }
        let start = Int(metadata.startOffset)
        let end = start + Int(metadata.totalCompressedSize)
        guard end <= bytes.count else { throw corruption("the chunk overruns the buffer", start) }
        var position = start
        var dictionary: ParquetLeafValues?
        var repetition: [UInt32] = []
        var definition: [UInt32] = []
        var values = ParquetLeafValues.empty(column.kind.physicalType)
        var entries = 0
        while entries < Int(metadata.numValues) {
            let pageOffset = position
            var reader = ThriftCompactReader(bytes: bytes, position: position, end: end)
            let header = try ParquetPageHeader.decode(&reader)
            let body = try pageBody(bytes, header, from: reader.position, end: end, pageOffset: pageOffset)
            position = reader.position + Int(header.compressedPageSize)
            if header.type == .dictionaryPage {
                guard dictionary == nil, entries == 0, header.encoding == .plain || header.encoding == .plainDictionary
                else { throw corruption("a misplaced or non-PLAIN dictionary page", pageOffset) }
                dictionary = try PlainDecoder.decode(
                    body,
                    body.indices,
                    type: column.kind.physicalType,
                    count: Int(header.numValues),
                    pageOffset: pageOffset
                )
                continue
            }
            let page = try ParquetDataPageDecoder(column: column, header: header, pageOffset: pageOffset)
                .decode(body, dictionary: dictionary)
            repetition.append(contentsOf: page.repetitionLevels)
            definition.append(contentsOf: page.definitionLevels)
            values.append(page.values)
            entries += page.entryCount
        }
        guard entries == Int(metadata.numValues), position <= end else {
            throw corruption("pages hold \(entries) entries, the chunk says \(metadata.numValues)", start)
        }
        return try ParquetColumnAssembler.assemble(
            column: column,
            repetitionLevels: repetition,
            definitionLevels: definition,
            values: values,
            entryCount: entries,
            chunkOffset: start
        )
    }

    /// The page's bytes after its header, checked against the CRC and decompressed.
    private func pageBody(
        _ bytes: [UInt8],
        _ header: ParquetPageHeader,
        from start: Int,
        end: Int,
        pageOffset: Int
    ) throws(ParquetError) -> [UInt8] {
        let storedSize = Int(header.compressedPageSize)
        let size = Int(header.uncompressedPageSize)
        guard storedSize >= 0, storedSize <= end - start, (0...Self.pageBytesMax).contains(size) else {
            throw corruption("a page of \(storedSize) stored bytes overruns its chunk", pageOffset)
        }
        let stored = Array(bytes[start..<(start + storedSize)])
        if let crc = header.crc, UInt32(bitPattern: crc) != CRC32.checksum(stored) {
            throw corruption("page checksum mismatch", pageOffset)
        }
        guard metadata.codec == .zstd else {
            guard storedSize == size else { throw corruption("an uncompressed page of two sizes", pageOffset) }
            return stored
        }
        do {
            return try ZstdCodec.decompress(stored, maxOutputBytes: Self.pageBytesMax, expectedOutputBytes: size)
        } catch {
            throw corruption("zstd: \(error)", pageOffset)
        }
    }

    private func corruption(_ message: String, _ offset: Int) -> ParquetError {
        .corruption(message, at: offset, column: column.name)
    }
}
