import Foundation
import SECModel
import Testing

@testable import Embedding

/// Loading and running BERT-family directories: a tiny synthetic model, and every way its files can
/// be broken, each of which must surface as an `EmbeddingError` naming the file (and tensor).
@Suite struct MiniLMEmbedderTests {
    @Test func aTinyModelEmbedsToUnitVectorsAndBatchesAgree() async throws {
        let fixture = try TinyBertFixture()
        defer { fixture.remove() }
        let embedder = try MiniLMEmbedder(directory: fixture.directory, batchSize: 2)
        #expect(embedder.modelID == fixture.directory.lastPathComponent)
        #expect(embedder.dimension == 8)
        #expect(embedder.maxInputTokens == 16)
        let texts = ["Revenue grew!", "cafe", "revenues, revenue", "\u{4E2D}"]
        let batch = try await embedder.embed(documents: texts)
        #expect(batch.count == 4)
        for (text, vector) in zip(texts, batch) {
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            #expect(abs(norm - 1) < 1e-5)
            let single = try embedder.vectors(for: [text])[0]
            #expect(MiniLMFiles.cosine(single, vector) > 0.999_99)
        }
        #expect(MiniLMFiles.cosine(batch[0], batch[1]) < 0.999_9)
    }

    @Test func emptyTextIsBadInputNamingItsIndex() async throws {
        let fixture = try TinyBertFixture()
        defer { fixture.remove() }
        let embedder = try MiniLMEmbedder(directory: fixture.directory)
        let error = await #expect(throws: EmbeddingError.self) {
            try await embedder.embed(queries: ["revenue", " \n\u{0}"])
        }
        #expect(error?.code == .badInput)
        #expect(error?.inputIndex == 1)
        #expect(error?.description.contains("input 1") == true)
    }

    @Test func aMissingDirectoryOrFileIsAPermanentErrorNamingIt() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-model-\(UUID())")
        let error = #expect(throws: EmbeddingError.self) { try MiniLMEmbedder(directory: missing) }
        #expect(error?.code == .permanent)
        #expect(error?.file == missing.path)

        let fixture = try TinyBertFixture()
        defer { fixture.remove() }
        try FileManager.default.removeItem(at: fixture.directory.appendingPathComponent("vocab.txt"))
        let noVocabulary = #expect(throws: EmbeddingError.self) { try MiniLMEmbedder(directory: fixture.directory) }
        #expect(noVocabulary?.file?.hasSuffix("vocab.txt") == true)
    }

    @Test func aTruncatedWeightsFileIsCorruptionNamingFileAndTensor() throws {
        let fixture = try TinyBertFixture()
        defer { fixture.remove() }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: fixture.weightsPath)[.size] as? Int)
        try fixture.truncateWeights(to: size - 10)
        let error = #expect(throws: EmbeddingError.self) { try MiniLMEmbedder(directory: fixture.directory) }
        #expect(error?.code == .corruption)
        #expect(error?.file == fixture.weightsPath)
        #expect(error?.tensor != nil)
        #expect(error?.message.contains("truncated") == true)

        for bytes in [0, 5, 12] {
            try fixture.truncateWeights(to: bytes)
            let short = #expect(throws: EmbeddingError.self) { try MiniLMEmbedder(directory: fixture.directory) }
            #expect(short?.code == .corruption, "\(bytes) bytes")
            #expect(short?.file == fixture.weightsPath)
        }
    }

    @Test func aWrongTensorShapeIsCorruptionNamingTheTensor() throws {
        let name = "encoder.layer.0.intermediate.dense.weight"
        let fixture = try TinyBertFixture(shapes: [name: [TinyBertFixture.intermediate, 4]])
        defer { fixture.remove() }
        let error = #expect(throws: EmbeddingError.self) { try MiniLMEmbedder(directory: fixture.directory) }
        #expect(error?.code == .corruption)
        #expect(error?.tensor == name)
        #expect(error?.description.contains("[16, 4], expected [16, 8]") == true)
    }

    @Test func aMalformedHeaderIsCorruption() throws {
        let fixture = try TinyBertFixture()
        defer { fixture.remove() }
        var bytes = Data()
        withUnsafeBytes(of: UInt64(4).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: Array("nope".utf8))
        try bytes.write(to: URL(fileURLWithPath: fixture.weightsPath))
        let error = #expect(throws: EmbeddingError.self) { try MiniLMEmbedder(directory: fixture.directory) }
        #expect(error?.code == .corruption)
        #expect(error?.message.contains("not a JSON object") == true)
    }

    @Test func aChecksumMismatchIsCorruption() throws {
        let fixture = try TinyBertFixture()
        defer { fixture.remove() }
        let data = try Data(contentsOf: URL(fileURLWithPath: fixture.weightsPath))
        let digest = data.withUnsafeBytes { SHA256.hex(of: $0) }
        _ = try MiniLMEmbedder(directory: fixture.directory, expectedWeightsSHA256: digest)
        let error = #expect(throws: EmbeddingError.self) {
            try MiniLMEmbedder(directory: fixture.directory, expectedWeightsSHA256: String(repeating: "0", count: 64))
        }
        #expect(error?.code == .corruption)
        #expect(error?.message.contains("SHA-256 \(digest)") == true)
    }

    @Test func sha256MatchesKnownDigests() {
        func digest(_ text: String) -> String { Array(text.utf8).withUnsafeBytes { SHA256.hex(of: $0) } }
        #expect(digest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            digest(String(repeating: "a", count: 64))
                == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"
        )
    }
}
