extension CollectionSchema {
    /// Checks one document against the schema as `upsert` does (fields, types, required fields,
    /// vectors, key), without writing anything: bulk loaders use it to name the bad line.
    ///
    /// - Throws: `StoreError.badInput` with the `violation`, the document id and the field.
    public func check(_ document: Document) throws(StoreError) {
        _ = try row(for: document)
    }
}
