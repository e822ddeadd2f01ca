/// The footer of a Parquet file (`FileMetaData`): the schema, the row groups and where each column
/// chunk lies. Serialised with the Thrift compact protocol just before the file's last 8 bytes.
public struct ParquetFileMetadata: Sendable, Hashable {
    /// Always 1 (what every reader accepts).
    public var version: Int32
    /// The schema's nodes depth first, the root first.
    public var schema: [ParquetSchemaElement]
    public var numRows: Int64
    public var rowGroups: [ParquetRowGroupMetadata]
    /// `"<application> version <version>"`.
    public var createdBy: String?
    /// One entry per leaf column when statistics carry bounds: the `ColumnOrder` union member id
    /// (1 = TYPE_ORDER, the order of the column's logical or physical type).
    public var columnOrders: [Int16]?

    public init(
        version: Int32 = 1,
        schema: [ParquetSchemaElement],
        numRows: Int64,
        rowGroups: [ParquetRowGroupMetadata],
        createdBy: String? = nil,
        columnOrders: [Int16]? = nil
    ) {
        self.version = version
        self.schema = schema
        self.numRows = numRows
        self.rowGroups = rowGroups
        self.createdBy = createdBy
        self.columnOrders = columnOrders
    }
}

extension ParquetFileMetadata {
    /// The footer's bytes: fields 1 version, 2 schema, 3 num_rows, 4 row_groups, 6 created_by,
    /// 7 column_orders (each a union with one empty-struct member).
    func encoded() -> [UInt8] {
        var writer = ThriftCompactWriter()
        writer.writeStruct { writer in
            writer.write(field: 1, i32: version)
            writer.write(field: 2, structList: schema) { writer, element in element.encode(&writer) }
            writer.write(field: 3, i64: numRows)
            writer.write(field: 4, structList: rowGroups) { writer, group in group.encode(&writer) }
            if let createdBy { writer.write(field: 6, string: createdBy) }
            if let columnOrders {
                writer.write(field: 7, structList: columnOrders) { writer, member in
                    writer.writeStruct(field: member) { _ in }
                }
            }
        }
        return writer.bytes
    }

    /// Decodes a footer from `bytes[range]`; offsets in errors are indices into `bytes`.
    static func decode(_ bytes: [UInt8], _ range: Range<Int>) throws(ParquetError) -> ParquetFileMetadata {
        var reader = ThriftCompactReader(bytes: bytes, position: range.lowerBound, end: range.upperBound)
        var version: Int32?
        var schema: [ParquetSchemaElement]?
        var numRows: Int64?
        var rowGroups: [ParquetRowGroupMetadata]?
        var createdBy: String?
        var columnOrders: [Int16]?
        try reader.readStruct { reader, field throws(ParquetError) in
            switch field.id {
            case 1: version = try reader.readI32(field)
            case 2:
                schema = try reader.readStructList(field) { reader throws(ParquetError) in
                    try ParquetSchemaElement.decode(&reader)
                }
            case 3: numRows = try reader.readI64(field)
            case 4:
                rowGroups = try reader.readStructList(field) { reader throws(ParquetError) in
                    try ParquetRowGroupMetadata.decode(&reader)
                }
            case 6: createdBy = try reader.readString(field)
            case 7:
                columnOrders = try reader.readStructList(field) { reader throws(ParquetError) in
                    var member: Int16 = 0
                    try reader.readStruct { _, field throws(ParquetError) in
                        member = field.id
                        return false
                    }
                    return member
                }
            default: return false
            }
            return true
        }
        let start = range.lowerBound
        return ParquetFileMetadata(
            version: try reader.required(version, "version", in: "FileMetaData", at: start),
            schema: try reader.required(schema, "schema", in: "FileMetaData", at: start),
            numRows: try reader.required(numRows, "num_rows", in: "FileMetaData", at: start),
            rowGroups: try reader.required(rowGroups, "row_groups", in: "FileMetaData", at: start),
            createdBy: createdBy,
            columnOrders: columnOrders
        )
    }
}
