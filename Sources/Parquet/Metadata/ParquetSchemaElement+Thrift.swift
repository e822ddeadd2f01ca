extension ParquetSchemaElement {
    /// Fields 1 type, 2 type_length, 3 repetition_type, 4 name, 5 num_children, 6 converted_type,
    /// 10 logicalType (a union with one empty-struct member).
    func encode(_ writer: inout ThriftCompactWriter) {
        if let type { writer.write(field: 1, i32: type.rawValue) }
        if let typeLength { writer.write(field: 2, i32: typeLength) }
        if let repetition { writer.write(field: 3, i32: repetition.rawValue) }
        writer.write(field: 4, string: name)
        if let numChildren { writer.write(field: 5, i32: numChildren) }
        if let logicalType {
            writer.write(field: 6, i32: logicalType.convertedType)
            writer.writeStruct(field: 10) { union in
                union.writeStruct(field: logicalType.unionFieldID) { _ in }
            }
        }
    }

    /// Reads one element; a logical type we do not model (or none) leaves `logicalType` as the
    /// converted type implies, else `nil`.
    static func decode(_ reader: inout ThriftCompactReader) throws(ParquetError) -> ParquetSchemaElement {
        let start = reader.position
        var element = ParquetSchemaElement(name: "")
        var name: String?
        var converted: ParquetLogicalType?
        var logical: ParquetLogicalType?
        try reader.readStruct { reader, field throws(ParquetError) in
            switch field.id {
            case 1: element.type = try reader.readEnum(field, as: ParquetPhysicalType.self)
            case 2: element.typeLength = try reader.readI32(field)
            case 3: element.repetition = try reader.readEnum(field, as: ParquetRepetition.self)
            case 4: name = try reader.readString(field)
            case 5: element.numChildren = try reader.readI32(field)
            case 6: converted = ParquetLogicalType(convertedType: try reader.readI32(field))
            case 10:
                guard field.type == .structure else { return false }
                try reader.readStruct { _, member throws(ParquetError) in
                    logical = ParquetLogicalType(unionFieldID: member.id)
                    return false
                }
            default: return false
            }
            return true
        }
        element.name = try reader.required(name, "name", in: "SchemaElement", at: start)
        element.logicalType = logical ?? converted
        return element
    }
}
