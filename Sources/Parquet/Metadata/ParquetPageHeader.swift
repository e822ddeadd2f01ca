/// The header before every page (`PageHeader`, with its `DataPageHeader` or
/// `DictionaryPageHeader`): what follows, how big it is compressed and not, and its checksum.
public struct ParquetPageHeader: Sendable, Hashable {
    public var type: ParquetPageType
    /// Bytes of the page after decompression (levels and values), header excluded.
    public var uncompressedPageSize: Int32
    /// Bytes of the page as stored, header excluded.
    public var compressedPageSize: Int32
    /// CRC-32 (the gzip polynomial) of the stored page bytes, as a signed i32.
    public var crc: Int32?
    /// Level and value entries of a data page, nulls included (the dictionary size of a
    /// dictionary page).
    public var numValues: Int32
    /// The values' encoding (PLAIN or RLE_DICTIONARY in a data page, PLAIN in a dictionary page).
    public var encoding: ParquetEncoding
    /// Data pages: the levels' encoding (always RLE here).
    public var definitionLevelEncoding: ParquetEncoding
    public var repetitionLevelEncoding: ParquetEncoding

    public init(
        type: ParquetPageType,
        uncompressedPageSize: Int32,
        compressedPageSize: Int32,
        crc: Int32? = nil,
        numValues: Int32,
        encoding: ParquetEncoding,
        definitionLevelEncoding: ParquetEncoding = .rle,
        repetitionLevelEncoding: ParquetEncoding = .rle
    ) {
        self.type = type
        self.uncompressedPageSize = uncompressedPageSize
        self.compressedPageSize = compressedPageSize
        self.crc = crc
        self.numValues = numValues
        self.encoding = encoding
        self.definitionLevelEncoding = definitionLevelEncoding
        self.repetitionLevelEncoding = repetitionLevelEncoding
    }
}

extension ParquetPageHeader {
    /// Fields 1 type, 2 uncompressed_page_size, 3 compressed_page_size, 4 crc, then 5
    /// data_page_header (1 num_values, 2 encoding, 3 definition_level_encoding, 4
    /// repetition_level_encoding) or 7 dictionary_page_header (1 num_values, 2 encoding).
    func encoded() -> [UInt8] {
        var writer = ThriftCompactWriter()
        writer.writeStruct { writer in
            writer.write(field: 1, i32: type.rawValue)
            writer.write(field: 2, i32: uncompressedPageSize)
            writer.write(field: 3, i32: compressedPageSize)
            if let crc { writer.write(field: 4, i32: crc) }
            if type == .dictionaryPage {
                writer.writeStruct(field: 7) { page in
                    page.write(field: 1, i32: numValues)
                    page.write(field: 2, i32: encoding.rawValue)
                }
            } else {
                writer.writeStruct(field: 5) { page in
                    page.write(field: 1, i32: numValues)
                    page.write(field: 2, i32: encoding.rawValue)
                    page.write(field: 3, i32: definitionLevelEncoding.rawValue)
                    page.write(field: 4, i32: repetitionLevelEncoding.rawValue)
                }
            }
        }
        return writer.bytes
    }

    /// Decodes the header at `reader`'s position, leaving it on the page's first byte. Index pages
    /// and v2 data pages are *unsupported*.
    static func decode(_ reader: inout ThriftCompactReader) throws(ParquetError) -> ParquetPageHeader {
        let start = reader.position
        var type: ParquetPageType?
        var uncompressed: Int32?
        var compressed: Int32?
        var crc: Int32?
        var numValues: Int32?
        var encoding: ParquetEncoding?
        var definition = ParquetEncoding.rle
        var repetition = ParquetEncoding.rle
        try reader.readStruct { reader, field throws(ParquetError) in
            switch field.id {
            case 1: type = try reader.readEnum(field, as: ParquetPageType.self)
            case 2: uncompressed = try reader.readI32(field)
            case 3: compressed = try reader.readI32(field)
            case 4: crc = try reader.readI32(field)
            case 5, 7:
                try reader.readStruct { reader, inner throws(ParquetError) in
                    switch (field.id, inner.id) {
                    case (_, 1): numValues = try reader.readI32(inner)
                    case (_, 2): encoding = try reader.readEnum(inner, as: ParquetEncoding.self)
                    case (5, 3): definition = try reader.readEnum(inner, as: ParquetEncoding.self)
                    case (5, 4): repetition = try reader.readEnum(inner, as: ParquetEncoding.self)
                    default: return false
                    }
                    return true
                }
            default: return false
            }
            return true
        }
        let name = "PageHeader"
        let pageType = try reader.required(type, "type", in: name, at: start)
        guard pageType == .dataPage || pageType == .dictionaryPage else {
            throw ParquetError(code: .unsupported, message: "a page of type \(pageType)", offsetBytes: start)
        }
        return ParquetPageHeader(
            type: pageType,
            uncompressedPageSize: try reader.required(uncompressed, "uncompressed_page_size", in: name, at: start),
            compressedPageSize: try reader.required(compressed, "compressed_page_size", in: name, at: start),
            crc: crc,
            numValues: try reader.required(numValues, "num_values", in: name, at: start),
            encoding: try reader.required(encoding, "encoding", in: name, at: start),
            definitionLevelEncoding: definition,
            repetitionLevelEncoding: repetition
        )
    }
}
