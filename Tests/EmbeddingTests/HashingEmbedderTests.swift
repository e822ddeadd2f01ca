import Embedding
import Testing

@Suite struct HashingEmbedderTests {
    private let embedder = HashingEmbedder(dimension: 384)

    private func cosine(_ a: [Float], _ b: [Float]) -> Float { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }

    @Test func vectorsAreDeterministicAndUnitLength() async throws {
        let text = "We rely on a single third-party foundry for all of our wafers."
        let first = try await embedder.embed(documents: [text])
        let second = try await embedder.embed(queries: [text])
        #expect(first == second)
        #expect(first[0].count == 384)
        #expect(abs(cosine(first[0], first[0]) - 1) < 1e-5)
        #expect(embedder.modelID == "hashing-unigram-bigram-384")
    }

    @Test func sharedWordsScoreHigherThanUnrelatedText() async throws {
        let vectors = try await embedder.embed(documents: [
            "foundry wafer supply risks",
            "Risks from our reliance on a third-party foundry and its wafer capacity.",
            "Diesel fuel prices and driver wages raised our freight operating costs.",
        ])
        #expect(cosine(vectors[0], vectors[1]) > cosine(vectors[0], vectors[2]) + 0.2)
    }

    @Test func textWithoutTermsIsTheZeroVector() async throws {
        let vectors = try await embedder.embed(documents: ["", " \n\t ", "the of and"])
        for vector in vectors { #expect(vector.allSatisfy { $0 == 0 }) }
    }
}
