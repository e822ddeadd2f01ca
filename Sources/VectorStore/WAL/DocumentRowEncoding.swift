/// The binary form of one upserted row in a WAL record (docs/formats/wal.md):
///
/// `id (len u16 | utf8) | expiresAtMs u64 | valueCount u16 | (ordinal u16 | tagged value)… |
///  vectorCount u16 | (dimension u32 | float32…)…`
///
/// Only present values are written, by field ordinal, so a row written before a field was added
/// simply lacks it.
enum DocumentRowEncoding {
    static func append(_ row: DocumentRow, to bytes: inout [UInt8]) {
        bytes.appendShortString(row.id)
        bytes.appendLittleEndian(row.expiresAtMs)
        let present = row.values.enumerated().compactMap { entry in entry.element.map { (entry.offset, $0) } }
        bytes.appendLittleEndian(UInt16(present.count))
        for (ordinal, value) in present {
            bytes.appendLittleEndian(UInt16(ordinal))
            value.append(to: &bytes)
        }
        bytes.appendLittleEndian(UInt16(row.vectors.count))
        for vector in row.vectors {
            bytes.appendLittleEndian(UInt32(vector.count))
            for component in vector { bytes.appendLittleEndian(component.bitPattern) }
        }
    }

    /// Reads one row; the message of the thrown error says what is wrong (the caller adds file and offset).
    static func read(_ reader: inout ByteReader) throws(StoreError) -> DocumentRow {
        func corrupt(_ message: String) -> StoreError { StoreError(code: .corruption, message: message) }
        guard let id = reader.readShortString(), let expiresAtMs = reader.readUInt64(),
            let valueCount = reader.readUInt16()
        else { throw corrupt("truncated row header") }
        var values: [FieldValue?] = []
        for _ in 0..<valueCount {
            guard let ordinal = reader.readUInt16(), Int(ordinal) < CollectionSchema.fieldCountMax,
                let value = FieldValue.read(&reader)
            else { throw corrupt("row \(id): bad field value") }
            if values.count <= Int(ordinal) { values += Array(repeating: nil, count: Int(ordinal) + 1 - values.count) }
            values[Int(ordinal)] = value
        }
        guard let vectorCount = reader.readUInt16(), Int(vectorCount) <= CollectionSchema.vectorFieldCountMax else {
            throw corrupt("row \(id): bad vector count")
        }
        var vectors: [[Float]] = []
        for _ in 0..<vectorCount {
            guard let dimension = reader.readUInt32(), Int(dimension) <= VectorFieldDefinition.dimensionMax,
                Int(dimension) * 4 <= reader.remaining
            else { throw corrupt("row \(id): vector runs past the record") }
            var vector: [Float] = []
            vector.reserveCapacity(Int(dimension))
            for _ in 0..<Int(dimension) {
                guard let bits = reader.readUInt32() else { throw corrupt("row \(id): short vector") }
                vector.append(Float(bitPattern: bits))
            }
            vectors.append(vector)
        }
        return DocumentRow(id: id, values: values, vectors: vectors, expiresAtMs: expiresAtMs)
    }

    /// Checks a row read back from disk against the schema: ordinals declared, types and vector
    /// dimensions as declared. The message names the row and field.
    static func check(_ row: DocumentRow, against schema: CollectionSchema) -> String? {
        guard row.values.count <= schema.fields.count else {
            return
                "row \(row.id) has field ordinal \(row.values.count - 1), the schema has \(schema.fields.count) fields"
        }
        for (ordinal, value) in row.values.enumerated() {
            if let value, value.type != schema.fields[ordinal].type {
                return "row \(row.id): field '\(schema.fields[ordinal].name)' holds a \(value.type.rawValue)"
            }
        }
        guard row.vectors.count == schema.vectors.count else {
            return "row \(row.id) has \(row.vectors.count) vectors, the schema has \(schema.vectors.count)"
        }
        for (vector, field) in zip(row.vectors, schema.vectors) where vector.count != field.dimension {
            return "row \(row.id): vector '\(field.name)' has \(vector.count) components, expected \(field.dimension)"
        }
        return nil
    }
}
