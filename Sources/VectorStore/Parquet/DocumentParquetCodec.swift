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
        func values<T>(_ extract: (FieldValue, Document) throws(StoreError) -> T?) throws(StoreError) -> [T?] {
            var column: [T?] = []
            column.reserveCapacity(documents.count)
            for document in documents {
                guard let value = document.fields[field.name] else {
                    column.append(nil)
                    continue
                }
                guard let typed = try extract(value, document) else {
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
        case .string: return .strings(try values { value, _ in value.stringValue })
        case .int64: return .int64s(try values { value, _ in value.int64Value })
        case .double:
            return .doubles(
                try values { value, _ in
                    if case .double(let number) = value { return number }
                    return nil
                }
            )
        case .bool:
            return .booleans(
                try values { value, _ in
                    if case .bool(let flag) = value { return flag }
                    return nil
                }
            )
        case .date:
            return .dates(
                try values { value, document throws(StoreError) in
                    guard let date = value.dateValue else { return nil }
                    guard let days = Int32(exactly: date.daysSince1970) else {
                        throw StoreError(
                            code: .badInput,
                            message: "date \(date.daysSince1970) days from 1970 does not fit Parquet's INT32 DATE",
                            documentID: document.id,
                            field: field.name
                        )
                    }
                    return days
                }
            )
        case .stringArray: return .stringLists(try values { value, _ in value.stringArrayValue })
        }
    }
}
