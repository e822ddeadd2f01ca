import VectorStore

extension CollectionSchema {
    /// The schema of SEC filing chunks (`config/sec-collection.toml` ships the same, and a test
    /// keeps the two equal): filing metadata, section, chunk text (the BM25 field), citation span,
    /// content hash (SHA-256), token count, document type (the form for a primary document, `EX-99.1`
    /// for an exhibit; appended last, so collections created before it evolve to it) — filter indexes
    /// on the keyword and date fields — and an `embedding` vector of `dimension` components compared
    /// by cosine.
    /// `ChunkRecord` and `SearchHit.chunk` map onto it.
    public static func secFilings(dimension: Int) -> CollectionSchema {
        CollectionSchema(
            primaryKey: "id",
            fields: [
                FieldDefinition(name: "cik", type: .int64, required: true, index: true),
                FieldDefinition(name: "company", type: .string, required: true, index: true),
                FieldDefinition(name: "tickers", type: .stringArray, foldCase: true, index: true),
                FieldDefinition(name: "form", type: .string, required: true, foldCase: true, index: true),
                FieldDefinition(name: "filing_date", type: .date, required: true, index: true),
                FieldDefinition(name: "report_date", type: .date, index: true),
                FieldDefinition(name: "fiscal_year", type: .int64, required: true, index: true),
                FieldDefinition(name: "accession", type: .string, required: true, index: true),
                FieldDefinition(name: "source_url", type: .string, required: true),
                FieldDefinition(name: "item", type: .string, required: true, foldCase: true, index: true),
                FieldDefinition(name: "item_title", type: .string, required: true),
                FieldDefinition(name: "text", type: .string, required: true),
                FieldDefinition(name: "char_start", type: .int64, required: true),
                FieldDefinition(name: "char_end", type: .int64, required: true),
                FieldDefinition(name: "content_hash", type: .string),
                FieldDefinition(name: "token_count", type: .int64),
                FieldDefinition(name: "document_type", type: .string, foldCase: true, index: true),
            ],
            vectors: [VectorFieldDefinition(name: "embedding", dimension: dimension, metric: .cosine)],
            textField: "text"
        )
    }

    /// Checks that SEC chunk records fit the schema: every field of `secFilings` declared with the
    /// same type, the `embedding` vector field first, the same text field, and no other required
    /// field without a default. Extra optional fields are allowed (appended by schema evolution).
    ///
    /// - Throws: `StoreError.badInput` (`badSchema`) naming the field.
    public func checkHoldsSECChunks() throws(StoreError) {
        let sec = CollectionSchema.secFilings(dimension: vectors.first?.dimension ?? 1)
        for field in sec.fields {
            guard let ordinal = ordinal(of: field.name), fields[ordinal].type == field.type else {
                throw .violation(
                    .badSchema,
                    "SEC chunks need a \(field.type.rawValue) field '\(field.name)' (config/sec-collection.toml "
                        + "declares every one; a field added since, such as 'document_type', goes at the end)",
                    field: field.name
                )
            }
        }
        for field in fields where sec.ordinal(of: field.name) == nil && field.required && field.defaultValue == nil {
            throw .violation(
                .badSchema,
                "SEC chunks do not carry this required field; give it a default",
                field: field.name
            )
        }
        guard vectors.first?.name == "embedding", primaryKey == sec.primaryKey, textField == sec.textField else {
            throw .violation(
                .badSchema,
                "SEC chunks need primary key 'id', text field 'text' and vector 'embedding' first"
            )
        }
    }

    /// Short filter keys the CLI accepts for SEC fields (`year=2024`, `ticker=HRSC`), for
    /// `MetadataFilter(parsing:schema:aliases:)`.
    public static let secFilterAliases = ["year": "fiscal_year", "ticker": "tickers"]
}
