import Embedding
import Foundation
import Pipeline

extension EmbedCommand.Provider {
    /// The embedder whose tokens `vectordb chunk` and `bench chunk` count chunks in (the chunker is
    /// then built by `FilingChunker`, as a pipeline's is).
    func tokenEmbedder(modelDir: String?) throws -> any Embedder {
        switch self {
        case .minilm: try EmbedderFactory.miniLM(directory: modelDir.map { URL(fileURLWithPath: $0) })
        case .hashing: HashingEmbedder()
        }
    }
}
