import Parquet

/// A collection's documents as a Parquet table (docs/formats/parquet.md, "Documents"): the primary
/// key as a required string column, then one column per schema field in ordinal order, then —
/// when asked — one `LIST<FLOAT>` column per vector field. Used by `vectordb export parquet` and
/// by anything that reads such a file back (`documents(from:schema:file:)`).
///
/// Field types map to column kinds one to one: string → STRING, int64 → INT64, double → DOUBLE,
/// bool → BOOLEAN, date → DATE, string_array → LIST<STRING>. A field's column is required when the
/// field is (stored documents always carry required fields, defaults filled in), else optional.
public enum DocumentParquetCodec {
    /// The Parquet schema of `schema`'s documents.
    public static func parquetSchema(_ schema: CollectionSchema, includingVectors: Bool) -> ParquetSchema {
        var columns = [ParquetColumn(name: schema.primaryKey, kind: .string, isRequired: true)]
        for field in schema.fields {
            columns.append(ParquetColumn(name: field.name, kind: kind(of: field.type), isRequired: field.required))
        }
        if includingVectors {
            columns += schema.vectors.map { ParquetColumn(name: $0.name, kind: .floatList, isRequired: true) }
        }
        return ParquetSchema(columns: columns)
    }

    /// The column kind of a field type.
    public static func kind(of type: FieldType) -> ParquetColumnKind {
        switch type {
        case .string: .string
        case .int64: .int64
        case .double: .double
        case .bool: .boolean
        case .date: .date
        case .stringArray: .stringList
        }
    }

    /// One row group's columns for `documents`, in `parquetSchema(schema, includingVectors:)` order.
    ///
    /// - Throws: `StoreError.badInput` (with the document and field) for a value of another type
    ///   than its field's, or a date outside INT32 days.
    public static func columns(
        _ documents: some Collection<Document>,
        schema: CollectionSchema,
        includingVectors: Bool
    ) throws(StoreError) -> [ParquetColumnValues] {
        var columns: [ParquetColumnValues] = [.strings(documents.map(\.id))]
        for field in schema.fields {
            columns.append(try column(documents, field))
        }
        if includingVectors {
            for vector in schema.vectors { columns.append(.floatLists(documents.map { $0.vectors[vector.name] })) }
        }
        return columns
    }

    private static func column(
        _ documents: some Collection<Document>,
        _ field: FieldDefinition
    ) throws(StoreError) -> ParquetColumnValues {
        func values<T>(_ extract: (FieldValue) -> T?) throws(StoreError) -> [T?] {
            var column: [T?] = []
            column.reserveCapacity(documents.count)
            for document in documents {
                guard let value = document.fields[field.name] else {
                    column.append(nil)
                    continue
                }
                guard let typed = extract(value) else {
                    throw .violation(
                        .wrongType,
                        "a \(value.type.rawValue) value for a \(field.type.rawValue) field",
                        document: document.id,
                        field: field.name
                    )
                }
                column.append(typed)
            }
            return column
        }
        switch field.type {
        case .string: return .strings(try values { $0.stringValue })
        case .int64: return .int64s(try values { $0.int64Value })
        case .double:
            return .doubles(
                try values {
                    if case .double(let number) = $0 { return number }
                    return nil
                }
            )
        case .bool:
            return .booleans(
                try values {
                    if case .bool(let flag) = $0 { return flag }
                    return nil
                }
            )
        case .date: return .dates(try values { $0.dateValue.flatMap { Int32(exactly: $0.daysSince1970) } })
        case .stringArray: return .stringLists(try values { $0.stringArrayValue })
        }
    }
}
