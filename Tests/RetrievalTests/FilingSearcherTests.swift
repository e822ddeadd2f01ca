import Foundation
import SECModel
import Testing
import VectorStore

@testable import Retrieval

@Suite struct FilingSearcherTests {
    typealias Passage = RetrievalTestSupport.Passage

    static let passages = [
        Passage(
            company: "Harbor Ridge Semiconductor, Inc.",
            cik: "1999901",
            tickers: ["HRSC"],
            form: .tenK,
            item: "1A",
            title: "Risk Factors",
            text:
                "Reliance on a single foundry for wafer supply is a risk; foundry capacity and wafer pricing may change.",
            vector: [1, 0, 0, 0]
        ),
        Passage(
            company: "Northwind Freight Lines Corp",
            cik: "1999902",
            tickers: ["NWFL"],
            form: .tenK,
            item: "1A",
            title: "Risk Factors",
            text:
                "Foundry foundry wafer wafer supply: our freight customers include a wafer foundry whose supply matters.",
            vector: [1, 0, 0, 0]
        ),
        Passage(
            company: "Harbor Ridge Semiconductor, Inc.",
            cik: "1999901",
            tickers: ["HRSC"],
            form: .tenK,
            item: "15",
            title: "Exhibits",
            text:
                "Exhibit 10.1 | Wafer foundry supply agreement | Filed herewith 10.2 | Foundry amendment | 8-K 31.1 | "
                + "Certification | Filed herewith 32.1 | Certification | Furnished herewith",
            vector: [1, 0, 0, 0]
        ),
    ]

    static func ids(_ result: FilingSearchResult) -> [String] { result.hits.map { $0.hit.id } }

    @Test func aNamedFilerRanksFirstButOthersStay() async throws {
        let (root, collection) = try await RetrievalTestSupport.collection(Self.passages)
        defer { try? FileManager.default.removeItem(at: root) }
        let question = "What does Northwind say about foundry wafer supply?"
        let plain = try await FilingSearcher().search(
            FilingSearchRequest(question: question, vector: [1, 0, 0, 0], k: 3, ranking: .plain),
            in: collection
        )
        let aware = try await FilingSearcher().search(
            FilingSearchRequest(question: question, vector: [1, 0, 0, 0], k: 3),
            in: collection
        )
        #expect(aware.interpretation.filers.map(\.company) == ["Northwind Freight Lines Corp"])
        #expect(aware.hits.first?.hit.chunk?.citation.companyName == "Northwind Freight Lines Corp")
        #expect(aware.hits.count == 3, "a named filer is a preference, not a filter")
        #expect(Set(Self.ids(plain)) == Set(Self.ids(aware)))
    }

    @Test func anExhibitIndexRanksBelowProseUnlessAskedFor() async throws {
        let (root, collection) = try await RetrievalTestSupport.collection(Self.passages)
        defer { try? FileManager.default.removeItem(at: root) }
        let prose = try await FilingSearcher().search(
            FilingSearchRequest(
                question: "wafer foundry supply agreement",
                vector: [1, 0, 0, 0],
                k: 3,
                mode: .lexical
            ),
            in: collection
        )
        let exhibit = try #require(prose.hits.first { $0.boilerplate == .exhibitIndex })
        #expect(exhibit.factors["boilerplate"] != nil)
        #expect(prose.hits.last?.hit.id == exhibit.hit.id)
        let asked = try await FilingSearcher().search(
            FilingSearchRequest(
                question: "Which exhibit is the wafer foundry supply agreement?",
                vector: [1, 0, 0, 0],
                k: 3,
                mode: .lexical
            ),
            in: collection
        )
        #expect(asked.hits.first { $0.boilerplate == .exhibitIndex }?.factors["boilerplate"] == nil)
    }

    @Test func theVocabularyComesFromTheCollection() async throws {
        let (root, collection) = try await RetrievalTestSupport.collection(Self.passages)
        defer { try? FileManager.default.removeItem(at: root) }
        let snapshot = await collection.readSnapshot()
        #expect(
            try snapshot.distinctValues(of: "company") == [
                "Harbor Ridge Semiconductor, Inc.", "Northwind Freight Lines Corp",
            ]
        )
        #expect(try snapshot.distinctValues(of: "tickers") == ["hrsc", "nwfl"])
        #expect(throws: StoreError.self) { try snapshot.distinctValues(of: "cik") }
        #expect(throws: StoreError.self) { try snapshot.distinctValues(of: "nope") }
    }
}
