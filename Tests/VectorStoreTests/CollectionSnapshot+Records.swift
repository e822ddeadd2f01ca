import SECDocuments

@testable import VectorStore

extension CollectionSnapshot {
    /// Every live document of the SEC schema as a `ChunkRecord` (the store itself knows documents only).
    func records() -> [ChunkRecord] { documents().compactMap(ChunkRecord.init) }
}
