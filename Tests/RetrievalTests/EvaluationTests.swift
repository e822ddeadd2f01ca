import Foundation
import SECDocuments
import Testing
import VectorStore

@testable import Retrieval

@Suite struct EvaluationTests {
    static func question(evidence: String, accession: String = "0000320193-24-000001") -> EvaluationQuestion {
        EvaluationQuestion(
            id: "q1",
            question: "?",
            kind: "named",
            form: "10-K",
            filters: nil,
            expect: .init(file: "html/doc.htm", accession: accession, item: "1A", evidence: evidence, parserGap: nil)
        )
    }

    static func hit(_ text: String, cik: String = "320193", item: String = "1A") throws -> SearchHit {
        let passage = RetrievalTestSupport.Passage(
            company: "Apple Inc.",
            cik: cik,
            tickers: [],
            form: .tenK,
            item: item,
            title: "Risk Factors",
            text: text,
            vector: [1, 0]
        )
        let record = ChunkRecord(chunk: try RetrievalTestSupport.chunk(passage, ordinal: 0), vector: [1, 0])
        return SearchHit(document: record.document, score: 1)
    }

    @Test func evidenceIsFoundWhitespaceAndCaseNormalised() throws {
        let question = Self.question(evidence: "Supply  of\ncomponents is   CONCENTRATED")
        let hits = [
            try Self.hit("Other text."), try Self.hit("the supply of components is concentrated in Asia"),
            try Self.hit("supply of components is concentrated", cik: "999"),
        ]
        let outcome = QuestionOutcome(question: question, hits: hits)
        #expect(outcome.rank == 2)
        #expect(outcome.findingRanks == [2], "the third hit is another filing's")
        #expect(outcome.sectionRank == 1)
    }

    @Test func metrics() {
        func outcome(_ rank: Int?) -> QuestionOutcome {
            var outcome = QuestionOutcome(question: Self.question(evidence: "x"), hits: [])
            outcome.rank = rank
            outcome.findingRanks = rank.map { [$0] } ?? []
            return outcome
        }
        let metrics = EvaluationMetrics([outcome(1), outcome(3), outcome(7), outcome(nil)])
        #expect(metrics.hitAt1 == 0.25)
        #expect(metrics.hitAt5 == 0.5)
        #expect(metrics.hitAt10 == 0.75)
        #expect(abs(metrics.mrr - (1 + 1.0 / 3 + 1.0 / 7) / 4) < 1e-9)
        #expect(abs(metrics.ndcgAt10 - (1 + 1 / log2(4.0) + 1 / log2(8.0)) / 4) < 1e-9)
    }

    @Test func questionFileErrorsNameTheLine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("q-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let good = #"{"id":"a","question":"q","kind":"named","form":"10-K","expect":{"file":"f","evidence":"e e"}}"#
        try (good + "\n" + #"{"id":"b","question":"q"}"# + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: EvaluationError.self) { try EvaluationQuestion.load(path: path) }
        do {
            _ = try EvaluationQuestion.load(path: path)
        } catch {
            #expect(error.line == 2)
            #expect(error.description.contains("missing key 'kind'"))
        }
        try (good + "\n" + good + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try EvaluationQuestion.load(path: path)
            Issue.record("a repeated id loads")
        } catch {
            #expect(error.line == 2 && error.message.contains("repeated id"))
        }
        try (good + "\n\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try EvaluationQuestion.load(path: path).map(\.filterExpressions) == [[]])
    }
}
