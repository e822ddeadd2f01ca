import Parquet

extension DocumentParquetCodec {
    /// The documents of a file written by `columns(_:schema:includingVectors:)`, in file order.
    /// Columns are matched by name: the primary key and every field must be present with the
    /// field's kind; vector columns are read when present (else documents carry no vectors).
    ///
    /// - Parameter file: the file's name, for errors.
    /// - Throws: `StoreError.corruption` (with the file and byte offset) for damaged bytes or a
    ///   column missing or of another kind than the schema says.
    public static func documents(
        from reader: ParquetReader,
        schema: CollectionSchema,
        file: String?
    ) throws(StoreError) -> [Document] {
        func load(_ name: String, _ kind: ParquetColumnKind, required: Bool) throws(StoreError) -> ParquetColumnValues?
        {
            guard let (index, column) = reader.schema.column(named: name) else {
                guard !required else {
                    throw StoreError(code: .corruption, message: "parquet: no column '\(name)'", file: file)
                }
                return nil
            }
            guard column.kind == kind else {
                throw StoreError(
                    code: .corruption,
                    message: "parquet: column '\(name)' is \(column.kind.rawValue), the schema says \(kind.rawValue)",
                    file: file
                )
            }
            do { return try reader.values(column: index) } catch { throw storeError(error, file: file) }
        }
        guard case .strings(let ids)? = try load(schema.primaryKey, .string, required: true) else { return [] }
        var documents = ids.map { Document(id: $0 ?? "") }
        for field in schema.fields {
            guard let column = try load(field.name, kind(of: field.type), required: true) else { continue }
            for row in documents.indices {
                if let value = value(column, row) { documents[row].fields[field.name] = value }
            }
        }
        for vector in schema.vectors {
            guard case .floatLists(let vectors)? = try load(vector.name, .floatList, required: false) else { continue }
            for row in documents.indices { documents[row].vectors[vector.name] = vectors[row] }
        }
        return documents
    }

    /// Row `row` of a column as a field value, `nil` for a null.
    private static func value(_ column: ParquetColumnValues, _ row: Int) -> FieldValue? {
        switch column {
        case .strings(let values): values[row].map(FieldValue.string)
        case .int64s(let values): values[row].map(FieldValue.int64)
        case .doubles(let values): values[row].map(FieldValue.double)
        case .booleans(let values): values[row].map(FieldValue.bool)
        case .dates(let values): values[row].map { .date(CalendarDate(daysSince1970: Int64($0))) }
        case .stringLists(let values): values[row].map(FieldValue.stringArray)
        case .floatLists: nil
        }
    }

    /// A Parquet failure as the store reports it: corruption keeps its offset, the rest is bad input.
    static func storeError(_ error: ParquetError, file: String?) -> StoreError {
        StoreError(
            code: error.code == .corruption ? .corruption : .badInput,
            message: error.description,
            file: file,
            offsetBytes: error.offsetBytes
        )
    }
}
