import Foundation
import Testing

/// `vectordb eval` over the fixtures' question set (`fixtures/questions.jsonl`), as the README runs it
/// on the development set: tables, JSON, the threshold's exit status and bad question files.
@Suite struct EvalCommandTests {
    static var questions: String { Support.repo.appendingPathComponent("fixtures/questions.jsonl").path }

    @Test func scoresTheFixtureQuestions() throws {
        let data = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let run = try Support.run(["run", Support.fixturesPipeline, "--data-dir", data.path])
        #expect(run.status == 0, "\(run.stderr)")

        let table = try Support.run(["eval", "--questions", Self.questions, "--data-dir", data.path])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("with filters"))
        #expect(table.stdout.contains("without filters"))
        #expect(table.stdout.contains("kind paraphrased"))
        #expect(table.stdout.contains("form 10-Q"))

        let json = try Support.run([
            "eval", "--questions", Self.questions, "--data-dir", data.path, "--json", "--filters", "with",
        ])
        #expect(json.status == 0, "\(json.stderr)")
        let runs = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(runs.count == 1)
        let overall = try #require(runs[0]["overall"] as? [String: Any])
        #expect(overall["questions"] as? Int == 14)
        let hitAt1 = try #require(overall["hitAt1"] as? Double)
        let hitAt10 = try #require(overall["hitAt10"] as? Double)
        #expect(hitAt10 >= 0.9, "the fixtures' answers are in the top 10 (\(hitAt10))")
        #expect(hitAt1 >= 0.7, "and mostly first (\(hitAt1))")
        let outcomes = try #require(runs[0]["outcomes"] as? [[String: Any]])
        #expect(outcomes.count == 14)
        #expect(outcomes.contains { ($0["interpretation"] as? [String: Any]) != nil })

        let plain = try Support.run([
            "eval", "--questions", Self.questions, "--data-dir", data.path, "--json", "--filters", "with",
            "--ranking", "plain",
        ])
        let plainRuns = try #require(
            try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [[String: Any]]
        )
        let plainHitAt1 = try #require((plainRuns[0]["overall"] as? [String: Any])?["hitAt1"] as? Double)
        #expect(hitAt1 >= plainHitAt1, "the aware ranking is no worse than the store's fusion here")

        let strict = try Support.run([
            "eval", "--questions", Self.questions, "--data-dir", data.path, "--min-hit-at-10", "1.01",
        ])
        #expect(strict.status == 64, "an out-of-range threshold is a usage error")
        let unreachable = try Support.run([
            "eval", "--questions", Self.questions, "--data-dir", data.path, "--k", "1", "--min-hit-at-10", "1",
        ])
        #expect(unreachable.status == 1, "with one hit a question, hit@10 is hit@1, under 1 here")
        #expect(unreachable.stderr.contains("below --min-hit-at-10"))
    }

    @Test func aBadQuestionFileNamesItsLine() throws {
        let data = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let run = try Support.run(["run", Support.fixturesPipeline, "--data-dir", data.path])
        #expect(run.status == 0, "\(run.stderr)")
        let file = data.appendingPathComponent("q.jsonl")
        try Data("{\"id\": \"a\"}\n".utf8).write(to: file)
        let bad = try Support.run(["eval", "--questions", file.path, "--data-dir", data.path])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("line 1"))
        let missing = try Support.run(["eval", "--questions", "/nonexistent.jsonl", "--data-dir", data.path])
        #expect(missing.status == 66)
    }
}
