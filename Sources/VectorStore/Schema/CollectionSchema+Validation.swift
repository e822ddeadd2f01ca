import Foundation

extension CollectionSchema {
    /// The stored row of a document: every field known and of its type, required fields present
    /// (defaults filled in), one finite vector of the right dimension per vector field (cosine
    /// vectors L2-normalised).
    ///
    /// - Throws: `StoreError.badInput` with the violation, the document id and the field.
    func row(for document: Document) throws(StoreError) -> DocumentRow {
        let id = document.id
        guard !id.isEmpty, id.utf8.count <= WALRecord.idBytesMax else {
            throw .violation(
                .badKey,
                "the primary key must be 1-\(WALRecord.idBytesMax) bytes",
                document: id,
                field: primaryKey
            )
        }
        for name in document.fields.keys where ordinal(of: name) == nil {
            throw .violation(.unknownField, "the schema has no such field", document: id, field: name)
        }
        for name in document.vectors.keys where vectorOrdinal(of: name) == nil {
            throw .violation(.unknownField, "the schema has no such vector field", document: id, field: name)
        }
        var values: [FieldValue?] = []
        values.reserveCapacity(fields.count)
        for field in fields {
            guard let value = document.fields[field.name] ?? field.defaultValue else {
                if field.required {
                    throw .violation(.missingField, "required field is missing", document: id, field: field.name)
                }
                values.append(nil)
                continue
            }
            guard value.type == field.type else {
                throw .violation(
                    .wrongType,
                    "a \(value.type.rawValue) value for a \(field.type.rawValue) field",
                    document: id,
                    field: field.name
                )
            }
            if case .double(let number) = value, !number.isFinite {
                throw .violation(.nonFinite, "value is not finite", document: id, field: field.name)
            }
            values.append(value)
        }
        // Canonical form: no trailing missing values (what the WAL decoder reads back).
        while let last = values.last, last == nil { values.removeLast() }
        var vectors: [[Float]] = []
        for field in self.vectors {
            guard var vector = document.vectors[field.name] else {
                throw .violation(.missingField, "vector is missing", document: id, field: field.name)
            }
            guard vector.count == field.dimension else {
                throw .violation(
                    .wrongDimension,
                    "vector has \(vector.count) components, expected \(field.dimension)",
                    document: id,
                    field: field.name
                )
            }
            if let bad = vector.firstIndex(where: { !$0.isFinite }) {
                throw .violation(.nonFinite, "vector component \(bad) is not finite", document: id, field: field.name)
            }
            if field.metric == .cosine {
                guard let normalised = Self.normalised(vector) else {
                    throw .violation(
                        .nonFinite,
                        "a zero vector has no direction (cosine)",
                        document: id,
                        field: field.name
                    )
                }
                vector = normalised
            }
            vectors.append(vector)
        }
        return DocumentRow(
            id: id,
            values: values,
            vectors: vectors,
            expiresAtMs: document.expiresAt.map(StoreClock.milliseconds) ?? 0
        )
    }

    /// The rows of a batch, or the first violation: a batch with any invalid document is refused whole.
    func rows(for batch: [Document], batchRecordsMax: Int) throws(StoreError) -> [DocumentRow] {
        guard batch.count <= batchRecordsMax else {
            throw .violation(
                .oversizedBatch,
                "batch of \(batch.count) documents is over the \(batchRecordsMax)-document limit; split it"
            )
        }
        var rows: [DocumentRow] = []
        rows.reserveCapacity(batch.count)
        for document in batch { rows.append(try row(for: document)) }
        return rows
    }

    /// `vector` scaled to unit L2 norm; returned unchanged when its norm is already 1 within 1e-4;
    /// `nil` for a zero vector.
    static func normalised(_ vector: [Float]) -> [Float]? {
        var sum: Double = 0
        for component in vector { sum += Double(component) * Double(component) }
        let norm = sum.squareRoot()
        guard norm > 0, norm.isFinite else { return nil }
        if abs(norm - 1) <= 1e-4 { return vector }
        return vector.map { Float(Double($0) / norm) }
    }
}
