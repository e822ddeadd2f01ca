import Foundation
import SECDocuments
import SECModel
import Testing

@testable import VectorStore

@Suite struct HybridSearchTests {
    /// Records whose vectors all point one way, so only the text tells them apart lexically.
    static func records() throws -> [ChunkRecord] {
        let texts = [
            "The Company relies on a single third-party foundry for wafer fabrication.",
            "Diesel fuel surcharges offset higher fuel prices for the truckload segment.",
            "Revenue grew 25.9% on data-center demand; gross margin expanded 280 basis points.",
            "Our ticker symbol HRSC trades on the Nasdaq Global Select Market.",
            "Interest rate risk on the term loan indexed to SOFR.",
        ]
        return try texts.enumerated().map { index, text in
            var record = try LocalCollectionTests.record(index)
            record.chunk.text = text
            var vector = [Float](repeating: 0, count: LocalCollectionTests.dimension)
            vector[0] = 1
            vector[1] = Float(index) * 0.01
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            record.vector = vector.map { $0 / norm }
            return record
        }
    }

    static func collection() async throws -> (LocalStore, LocalCollection) {
        let store = LocalCollectionTests.makeStore()
        let collection = try store.openOrCreate(LocalCollectionTests.info)
        try await collection.upsert(try records())
        return (store, collection)
    }

    @Test func lexicalFindsExactTermsTheVectorsCannotSeparate() async throws {
        let (store, collection) = try await Self.collection()
        defer { try? FileManager.default.removeItem(at: store.root) }
        let lexical = try await collection.search(SearchRequest(vector: nil, text: "HRSC ticker", k: 3, mode: .lexical))
        #expect(lexical.first?.chunk?.text.contains("HRSC") == true)
        #expect(lexical.count == 1)
        let hybrid = try await collection.search(
            SearchRequest(vector: try Self.records()[0].vector, text: "diesel fuel surcharge", k: 5, mode: .hybrid)
        )
        #expect(hybrid.first?.chunk?.text.contains("Diesel") == true)
        #expect(hybrid.count == 5)
    }

    @Test func filtersApplyToEveryMode() async throws {
        let (store, collection) = try await Self.collection()
        defer { try? FileManager.default.removeItem(at: store.root) }
        let onlyOne = try MetadataFilter(parsing: "ticker=NOPE")
        for mode in SearchMode.allCases {
            let hits = try await collection.search(
                SearchRequest(
                    vector: try Self.records()[0].vector,
                    text: "foundry",
                    k: 5,
                    filters: [onlyOne],
                    mode: mode
                )
            )
            #expect(hits.isEmpty, "\(mode)")
        }
    }

    @Test func missingInputsAreBadRequests() async throws {
        let (store, collection) = try await Self.collection()
        defer { try? FileManager.default.removeItem(at: store.root) }
        await #expect(throws: StoreError.self) {
            try await collection.search(SearchRequest(vector: nil, text: "foundry", k: 3, mode: .hybrid))
        }
        await #expect(throws: StoreError.self) {
            try await collection.search(
                SearchRequest(vector: try Self.records()[0].vector, text: nil, k: 3, mode: .lexical)
            )
        }
    }

    @Test func bm25PrefersRareTermsAndShortDocuments() async throws {
        let store = LocalCollectionTests.makeStore()
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(LocalCollectionTests.info)
        let texts = [
            "foundry foundry wafer",
            "foundry wafer capacity supply chain risk in a much longer passage about many things",
            "wafer",
        ]
        try await collection.upsert(
            try texts.enumerated().map { index, text in
                var record = try LocalCollectionTests.record(index)
                record.chunk.text = text
                return record
            }
        )
        let hits = try await collection.search(SearchRequest(vector: nil, text: "foundry", k: 5, mode: .lexical))
        #expect(hits.map(\.id) == ["chunk-0", "chunk-1"])
        #expect(hits[0].score > hits[1].score)
        let stopWords = try await collection.search(
            SearchRequest(vector: nil, text: "the of and", k: 5, mode: .lexical)
        )
        #expect(stopWords.isEmpty)
    }

    @Test func reciprocalRankFusionRewardsAgreement() {
        let vector: [(row: Int, score: Float)] = [(1, 0.9), (2, 0.8), (3, 0.7)]
        let lexical: [(row: Int, score: Float)] = [(3, 9), (2, 5), (4, 1)]
        let fused = RankFusion.fuse(vector, weight: 1, lexical, weight: 1, limit: 4).map(\.row)
        #expect(fused == [3, 2, 1, 4])
        let lexicalHeavy = RankFusion.fuse(vector, weight: 0.1, lexical, weight: 1, limit: 1).map(\.row)
        #expect(lexicalHeavy == [3])
    }
}
