extension LocalCollection {
    /// `search` with the plan it followed: per source the filter's cardinality and how each
    /// condition was answered (index, scan or the field default), the vector strategy (exact,
    /// graph, graph then exact), rows scored and graph nodes visited (`vectordb search --explain`).
    ///
    /// - Throws: as `search`.
    public nonisolated func searchExplained(_ request: SearchRequest) async throws(StoreError) -> ExplainedSearch {
        let snapshot = if let asOf = request.asOf { try await snapshot(asOf: asOf) } else { await snapshot() }
        let explained = try snapshot.searchExplained(request)
        try snapshot.checkIntegrity()
        return explained
    }

    /// Turns the filter index of an existing field on or off (a schema change that rewrites only
    /// `collection.json`). Background maintenance builds the index of segments written before in
    /// memory (filters scan them meanwhile); segments written later, compaction output included,
    /// store it.
    ///
    /// - Throws: `StoreError.badInput` (`unknownField`) for a field the schema does not declare;
    ///   `StoreError.io` when the collection is read-only or the disk refuses.
    public func setIndexed(_ field: String, _ isIndexed: Bool) async throws(StoreError) {
        var schema = info.schema
        guard let ordinal = schema.ordinal(of: field) else {
            throw .violation(.unknownField, "no such field to index", field: field)
        }
        schema.fields[ordinal].index = isIndexed
        try await evolve(to: schema)
        if isIndexed { scheduleMaintenance() }
    }
}
