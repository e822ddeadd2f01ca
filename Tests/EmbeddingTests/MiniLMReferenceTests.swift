import Foundation
import Testing

@testable import Embedding

/// Parity with sentence-transformers: the peer reference file (`../shared/bench/minilm_reference.json`,
/// 20 sentences with their token ids and embeddings) against the model `make deps` installs. Skipped
/// when either is absent.
@Suite(.enabled(if: MiniLMFiles.available, "needs .models/all-MiniLM-L6-v2 (make deps) and ../shared/bench"))
struct MiniLMReferenceTests {
    struct Reference: Decodable {
        var inputIDs: [String: [Int32]]
        var embeddings: [String: [Float]]

        enum CodingKeys: String, CodingKey {
            case inputIDs = "input_ids"
            case embeddings
        }
    }

    static func load(precision: MatrixPrecision = .automatic) throws -> (MiniLMEmbedder, Reference) {
        let data = try Data(contentsOf: MiniLMFiles.reference)
        let reference = try JSONDecoder().decode(Reference.self, from: data)
        return (try MiniLMEmbedder(directory: MiniLMFiles.model, precision: precision), reference)
    }

    /// The precisions this CPU runs: float32 always, bfloat16 with AVX-512 BF16.
    static let precisions: [MatrixPrecision] = MatrixPrecision.bfloat16Available ? [.float32, .bfloat16] : [.float32]

    @Test func tokenIDsMatchTheReferenceExactly() throws {
        let (embedder, reference) = try Self.load()
        #expect(reference.inputIDs.count == 20)
        for (sentence, expected) in reference.inputIDs {
            #expect(embedder.tokenIDs(sentence) == expected, "\(sentence)")
        }
    }

    @Test(arguments: precisions)
    func embeddingsMatchTheReferenceAboveCosine0999(precision: MatrixPrecision) throws {
        let (embedder, reference) = try Self.load(precision: precision)
        #expect(embedder.precision == precision)
        let sentences = reference.embeddings.keys.sorted()
        let vectors = try embedder.vectors(for: sentences)
        var minimum: Float = 1
        for (sentence, vector) in zip(sentences, vectors) {
            let expected = try #require(reference.embeddings[sentence])
            let cosine = MiniLMFiles.cosine(vector, expected)
            minimum = min(minimum, cosine)
            #expect(cosine >= 0.999, "\(cosine) for \(sentence)")
        }
        // One sentence at a time must give the same vectors as the packed batch.
        for (sentence, vector) in zip(sentences, vectors).prefix(3) {
            let single = try embedder.vectors(for: [sentence])[0]
            #expect(MiniLMFiles.cosine(single, vector) > 0.999_99)
        }
        print("MiniLM parity (\(precision)): minimum cosine over \(sentences.count) sentences = \(minimum)")
    }
}

/// Where the optional model and reference files live, found from this file's path.
enum MiniLMFiles {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let model = repo.appendingPathComponent(".models/all-MiniLM-L6-v2")
    static let reference = repo.appendingPathComponent("../shared/bench/minilm_reference.json").standardizedFileURL

    static var available: Bool {
        FileManager.default.fileExists(atPath: reference.path)
            && FileManager.default.fileExists(atPath: model.appendingPathComponent("model.safetensors").path)
    }

    static func cosine(_ a: [Float], _ b: [Float]) -> Float {
        var dot: Float = 0
        var normA: Float = 0
        var normB: Float = 0
        for (x, y) in zip(a, b) {
            dot += x * y
            normA += x * x
            normB += y * y
        }
        return dot / (normA.squareRoot() * normB.squareRoot())
    }
}
