import VectorStore

extension DocumentImporter {
    /// The documents of `records`, in order, the first vector field of each record that gives
    /// `text` instead of a vector filled by `embedder` (all those texts in one call). `vectordb
    /// import` and the query service's upsert both embed through here.
    ///
    /// - Throws: `PipelineError` (stage `embed`) carrying the embedder's error.
    public static func documents(
        of records: [ImportRecord],
        info: CollectionInfo,
        embedder: QueryEmbedder
    ) async throws(PipelineError) -> [Document] {
        var documents = records.map(\.document)
        let toEmbed = records.indices.filter { records[$0].textToEmbed != nil }
        guard !toEmbed.isEmpty, let field = info.schema.vectors.first?.name else { return documents }
        let vectors = try await embedder.documentVectors(for: toEmbed.compactMap { records[$0].textToEmbed })
        for (index, vector) in zip(toEmbed, vectors) { documents[index].vectors[field] = vector }
        return documents
    }
}
