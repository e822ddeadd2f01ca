extension LocalCollection {
    /// Checks that `requested` (what a writer wants to open this collection as) fits it, as
    /// `LocalStore.openOrCreate` does for a collection on disk: the same model and dimension and a
    /// compatible schema, evolved when `requested` appends fields. Records `requested.embedder`
    /// when the collection has none recorded (a file written before embedders were recorded).
    ///
    /// - Throws: `StoreError.conflict` for another model or dimension; `StoreError.badInput`
    ///   (`badSchema`) for a schema that is neither an extension nor a prefix of this one.
    func accept(_ requested: CollectionInfo) async throws(StoreError) {
        guard requested.embeddingModel == info.embeddingModel, requested.dimension == info.dimension else {
            throw StoreError(
                code: .conflict,
                message: "collection '\(info.name)' holds \(info.embeddingModel) vectors (\(info.dimension) dims); "
                    + "this run embeds with \(requested.embeddingModel) (\(requested.dimension) dims). "
                    + "Use another collection name or data directory.",
                file: path(Self.infoFileName)
            )
        }
        let schema = requested.schema.adoptingAnalyzer(of: info.schema)
        if schema.extends(info.schema), schema != info.schema {
            try await evolve(to: schema)
        } else if !info.schema.extends(schema) {
            throw .violation(
                .badSchema,
                "collection '\(info.name)' has another schema than this run's (fields, types, vectors or text "
                    + "field differ, beyond appended fields); use another collection name or data directory"
            )
        }
        try await record(embedder: requested.embedder)
    }

    /// Writes `embedder` into `collection.json` when none is recorded yet (and the collection is
    /// writable); an existing record is kept.
    func record(embedder: EmbedderRecord?) async throws(StoreError) {
        guard let embedder, info.embedder == nil, !isReadOnly else { return }
        // One schema change or manifest commit at a time: the file written is the one kept.
        await beginCommit()
        defer { endCommit() }
        guard info.embedder == nil else { return }
        var recorded = info
        recorded.embedder = embedder
        let (path, fileSystem, written) = (path(Self.infoFileName), fileSystem, recorded)
        try await Self.offload { () throws(StoreError) in
            try Self.writeInfo(written, to: path, fileSystem: fileSystem)
        }
        info = recorded
        cachedSnapshot = nil
    }
}
