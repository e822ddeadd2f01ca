extension LocalCollection {
    /// Checks that `requested` (what a writer wants to open this collection as) fits it, as
    /// `LocalStore.openOrCreate` does for a collection on disk: the same model and dimension and a
    /// compatible schema, evolved when `requested` appends fields. Records `requested.embedder`
    /// when the collection has none recorded (a file written before embedders were recorded).
    ///
    /// - Throws: `StoreError.conflict` for another model or dimension; `StoreError.badInput`
    ///   (`badSchema`) for a schema that is neither an extension nor a prefix of this one.
    func accept(_ requested: CollectionInfo) throws(StoreError) {
        guard requested.embeddingModel == info.embeddingModel, requested.dimension == info.dimension else {
            throw StoreError(
                code: .conflict,
                message: "collection '\(info.name)' holds \(info.embeddingModel) vectors (\(info.dimension) dims); "
                    + "this run embeds with \(requested.embeddingModel) (\(requested.dimension) dims). "
                    + "Use another collection name or data directory.",
                file: path(Self.infoFileName)
            )
        }
        if requested.schema.extends(info.schema), requested.schema != info.schema {
            try evolve(to: requested.schema)
        } else if !info.schema.extends(requested.schema) {
            throw .violation(
                .badSchema,
                "collection '\(info.name)' has another schema than this run's (fields, types, vectors or text "
                    + "field differ, beyond appended fields); use another collection name or data directory"
            )
        }
        try record(embedder: requested.embedder)
    }

    /// Writes `embedder` into `collection.json` when none is recorded yet (and the collection is
    /// writable); an existing record is kept.
    func record(embedder: EmbedderRecord?) throws(StoreError) {
        guard let embedder, info.embedder == nil, !isReadOnly else { return }
        var recorded = info
        recorded.embedder = embedder
        try Self.writeInfo(recorded, to: path(Self.infoFileName))
        info = recorded
        cachedSnapshot = nil
    }
}
