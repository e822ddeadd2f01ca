extension CollectionSchema {
    /// The schema of SEC filing chunks (`config/sec-collection.toml` ships the same, and a test
    /// keeps the two equal): filing metadata, section, chunk text (the BM25 field), citation span,
    /// content hash, and an `embedding` vector of `dimension` components compared by cosine.
    /// `ChunkRecord` and `SearchHit.chunk` map onto it.
    public static func secFilings(dimension: Int) -> CollectionSchema {
        CollectionSchema(
            primaryKey: "id",
            fields: [
                FieldDefinition(name: "cik", type: .int64, required: true),
                FieldDefinition(name: "company", type: .string, required: true),
                FieldDefinition(name: "tickers", type: .stringArray, foldCase: true),
                FieldDefinition(name: "form", type: .string, required: true, foldCase: true),
                FieldDefinition(name: "filing_date", type: .date, required: true),
                FieldDefinition(name: "report_date", type: .date),
                FieldDefinition(name: "fiscal_year", type: .int64, required: true),
                FieldDefinition(name: "accession", type: .string, required: true),
                FieldDefinition(name: "source_url", type: .string, required: true),
                FieldDefinition(name: "item", type: .string, required: true, foldCase: true),
                FieldDefinition(name: "item_title", type: .string, required: true),
                FieldDefinition(name: "text", type: .string, required: true),
                FieldDefinition(name: "char_start", type: .int64, required: true),
                FieldDefinition(name: "char_end", type: .int64, required: true),
                FieldDefinition(name: "content_hash", type: .string),
            ],
            vectors: [VectorFieldDefinition(name: "embedding", dimension: dimension, metric: .cosine)],
            textField: "text"
        )
    }

    /// Short filter keys the CLI accepts for SEC fields (`year=2024`, `ticker=HRSC`).
    static let filterAliases = ["year": "fiscal_year", "ticker": "tickers"]
}
