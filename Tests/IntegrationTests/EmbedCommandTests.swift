import Foundation
import Testing

/// `vectordb embed`: text and JSON output, and its errors.
@Suite struct EmbedCommandTests {
    @Test func hashingPrintsNormAndPreview() throws {
        let result = try Support.run(["embed", "foundry wafer supply", "--provider", "hashing", "--dimension", "64"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("model hashing-unigram-bigram-64, 64 dimensions, norm 1.000000"))
        #expect(result.stdout.contains("first 8: ["))
    }

    @Test func pipelineFileChoosesTheEmbedder() throws {
        let directory = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("p.toml")
        try "[source]\nroot = \"x\"\n[embedder]\nprovider = \"hashing\"\ndimension = 32\n".write(
            to: file,
            atomically: true,
            encoding: .utf8
        )
        let result = try Support.run(["embed", "foundry wafer supply", "--pipeline", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("model hashing-unigram-bigram-32, 32 dimensions"))
        let missingKey = try Support.run([
            "embed", "x", "--pipeline", directory.appendingPathComponent("none.toml").path,
        ])
        #expect(missingKey.status == 66, "not found: \(missingKey.stderr)")
        #expect(missingKey.stderr.contains("none.toml: no such file"), "\(missingKey.stderr)")
    }

    @Test func aMissingModelDirectoryFailsWithAHint() throws {
        let result = try Support.run(["embed", "text", "--model-dir", "/nonexistent/model"])
        #expect(result.status == 66, "not found: \(result.stderr)")
        #expect(result.stderr.contains("/nonexistent/model"))
        #expect(result.stderr.contains("make deps"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: EmbedderFactoryTests.model.path), "needs make deps"))
    func miniLMPrintsTheWholeVectorAsJSON() throws {
        let result = try Support.run(["embed", "Mortgage rates", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["model"] as? String == "all-MiniLM-L6-v2")
        #expect(object["tokens"] as? Int == 4)
        let vector = try #require(object["vector"] as? [Double])
        #expect(vector.count == 384)
        #expect(abs(vector[0] - 0.031_694) < 1e-3)
        #expect(["float32", "bfloat16"].contains(object["precision"] as? String))

        let float32 = try Support.run(["embed", "Mortgage rates", "--json", "--precision", "float32"])
        let exact = try #require(try JSONSerialization.jsonObject(with: Data(float32.stdout.utf8)) as? [String: Any])
        #expect(exact["precision"] as? String == "float32")
        #expect(abs((exact["vector"] as? [Double] ?? [])[0] - 0.031_694) < 1e-4)

        let unknown = try Support.run(["embed", "x", "--precision", "fp8"])
        #expect(unknown.status == 64, "usage: \(unknown.stderr)")
        #expect(unknown.stderr.contains("--precision"))

        let empty = try Support.run(["embed", " "])
        #expect(empty.status == 65, "bad input: \(empty.stderr)")
        #expect(empty.stderr.contains("input 0"))
    }
}
