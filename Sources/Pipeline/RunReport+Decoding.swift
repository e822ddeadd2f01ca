extension RunReport {
    enum CodingKeys: String, CodingKey {
        case pipeline, collection, mode, startedAtMs, finishedAtMs, stoppedBy, settingsHash
        case filingsIngested, filingsReingested, filingsUnchanged, filingsFailedBefore, exhibitsIngested
        case documentsSkipped, documentsParsed, chunksWritten, chunksDeleted, sourceBytes
        case embeddingCacheHits, embeddingCacheMisses, collectionCount, failures
        case readAndChunkMs, embedMs, writeMs
    }

    /// Reads a stored run record; a field the record lacks (written by an earlier version, before
    /// the field existed) keeps its zero default, so `vectordb runs` reads every record ever stored.
    public init(from decoder: any Decoder) throws {
        self.init()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func read<T: Decodable>(_ key: CodingKeys, _ value: inout T) throws {
            if let decoded = try container.decodeIfPresent(T.self, forKey: key) { value = decoded }
        }
        pipeline = try container.decodeIfPresent(String.self, forKey: .pipeline)
        collection = try container.decodeIfPresent(String.self, forKey: .collection)
        stoppedBy = try container.decodeIfPresent(String.self, forKey: .stoppedBy)
        settingsHash = try container.decodeIfPresent(String.self, forKey: .settingsHash)
        try read(.mode, &mode)
        try read(.startedAtMs, &startedAtMs)
        try read(.finishedAtMs, &finishedAtMs)
        try read(.filingsIngested, &filingsIngested)
        try read(.filingsReingested, &filingsReingested)
        try read(.filingsUnchanged, &filingsUnchanged)
        try read(.filingsFailedBefore, &filingsFailedBefore)
        try read(.exhibitsIngested, &exhibitsIngested)
        try read(.documentsSkipped, &documentsSkipped)
        try read(.documentsParsed, &documentsParsed)
        try read(.chunksWritten, &chunksWritten)
        try read(.chunksDeleted, &chunksDeleted)
        try read(.sourceBytes, &sourceBytes)
        try read(.embeddingCacheHits, &embeddingCacheHits)
        try read(.embeddingCacheMisses, &embeddingCacheMisses)
        try read(.collectionCount, &collectionCount)
        try read(.failures, &failures)
        try read(.readAndChunkMs, &readAndChunkMs)
        try read(.embedMs, &embedMs)
        try read(.writeMs, &writeMs)
    }
}
