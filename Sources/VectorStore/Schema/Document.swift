import Foundation

/// The unit a collection stores: a primary key, typed scalar field values, one vector per vector
/// field of the schema, and an optional per-document expiry. Validated against the collection's
/// schema on every write.
public struct Document: Sendable, Hashable {
    /// The primary key, 1 to `WALRecord.idBytesMax` UTF-8 bytes; a write with an existing id
    /// replaces the stored document.
    public var id: String
    /// Values by field name; absent optional fields are simply missing.
    public var fields: [String: FieldValue]
    /// Vectors by vector-field name.
    public var vectors: [String: [Float]]
    /// Per-document TTL: hidden from reads from this moment on (and dropped by compaction); `nil`
    /// for none. Stored with millisecond precision.
    public var expiresAt: Date?

    public init(
        id: String,
        fields: [String: FieldValue] = [:],
        vectors: [String: [Float]] = [:],
        expiresAt: Date? = nil
    ) {
        self.id = id
        self.fields = fields
        self.vectors = vectors
        self.expiresAt = expiresAt.map { Date(timeIntervalSince1970: Double(StoreClock.milliseconds($0)) / 1_000) }
    }

    public subscript(field: String) -> FieldValue? { fields[field] }
}

/// A document validated against a schema, addressed by field ordinal: the form the WAL, the
/// memtable and the segments hold. `values[i]` belongs to `schema.fields[i]`; rows written before
/// a field was added have fewer values (read as the field's default, or missing).
struct DocumentRow: Sendable, Equatable {
    var id: String
    var values: [FieldValue?]
    /// One vector per vector field, in schema order.
    var vectors: [[Float]]
    /// Milliseconds since 1970; 0 for no per-document expiry.
    var expiresAtMs: UInt64

    /// The public document, with defaults for fields this row predates.
    func document(_ schema: CollectionSchema) -> Document {
        var fields: [String: FieldValue] = [:]
        for (ordinal, field) in schema.fields.enumerated() {
            if let value = (ordinal < values.count ? values[ordinal] : nil) ?? field.defaultValue {
                fields[field.name] = value
            }
        }
        var named: [String: [Float]] = [:]
        for (ordinal, field) in schema.vectors.enumerated() where ordinal < vectors.count {
            named[field.name] = vectors[ordinal]
        }
        return Document(
            id: id,
            fields: fields,
            vectors: named,
            expiresAt: expiresAtMs == 0 ? nil : Date(timeIntervalSince1970: Double(expiresAtMs) / 1_000)
        )
    }
}
