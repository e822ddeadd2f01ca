import Foundation
import Testing

/// `vectordb chunk`: one line per chunk with its item, span and tokens, a summary, and its errors.
@Suite struct ChunkCommandTests {
    static let tenK = "fixtures/edgar/Archives/edgar/data/1999901/000199990125000004/hrsc-20241231.htm"

    @Test func printsEveryChunkWithItemSpanAndTokens() throws {
        let result = try Support.run(["chunk", Self.tenK, "--provider", "hashing", "--max-tokens", "128"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let chunks = lines.dropLast()
        #expect(chunks.count > 10)
        for line in chunks {
            let fields = line.split(separator: "\t").map(String.init)
            #expect(fields.count >= 5, "\(line)")
            #expect(fields[0].hasPrefix("0001999901-25-000004:\(fields[1]):"))
            #expect(fields[2].wholeMatch(of: /\d+-\d+/) != nil)
            let tokens = Int(fields[3].split(separator: " ")[0]) ?? .max
            #expect(tokens <= 128)
        }
        #expect(lines.last?.contains("chunks in") == true)
        #expect(lines.last?.contains("limit 128") == true)
    }

    @Test func badSettingsAndMissingFilesFail() throws {
        let overlap = try Support.run(["chunk", Self.tenK, "--provider", "hashing", "--overlap-tokens", "200"])
        #expect(overlap.status == 65, "bad input: \(overlap.stderr)")
        #expect(overlap.stderr.contains("overlapTokens"))
        let missing = try Support.run(["chunk", "/nonexistent/filing.htm", "--provider", "hashing"])
        #expect(missing.status == 66, "not found: \(missing.stderr)")
        #expect(missing.stderr.contains("no such file"))
    }

    @Test func aFilingWithoutInlineCoverFactsTakesItsYearFromTheCoverPage() throws {
        let directory = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let covers = [
            ("For the fiscal year ended September&nbsp;27, 2008", "10-K fiscal 2008"),
            ("FOR THE QUARTERLY PERIOD ENDED MARCH 31 , 2024", "10-Q fiscal 2024"),
        ]
        for (index, (cover, expected)) in covers.enumerated() {
            let file = directory.appendingPathComponent("filing\(index).htm")
            let form = expected.hasPrefix("10-Q") ? "10-Q" : "10-K"
            let html =
                "<html><body><p>\(cover)</p><p>Item 1. Business</p>"
                + "<p>We make pumps and valves for municipal water systems.</p></body></html>"
            try html.write(to: file, atomically: true, encoding: .utf8)
            let result = try Support.run(["chunk", file.path, "--provider", "hashing", "--form", form, "--json"])
            #expect(result.status == 0, "\(result.stderr)")
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            )
            let chunks = try #require(object["chunks"] as? [[String: Any]])
            let input = try #require(chunks.first?["embeddingInput"] as? String)
            #expect(input.contains(expected), "\(input)")
        }
    }

    /// Without `--form` and without inline cover facts, the form comes from the cover page's
    /// `FORM 20-F` line (it used to be 10-K whatever the filing was).
    @Test func aFilingWithoutInlineCoverFactsTakesItsFormFromTheCoverPage() throws {
        let directory = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (cover, expected) in [("FORM 20-F", "20-F"), ("Form 10-Q", "10-Q"), ("Annual report", "10-K")] {
            let file = directory.appendingPathComponent("filing-\(expected).htm")
            let html =
                "<html><body><p>\(cover)</p><p>For the fiscal year ended December 31, 2015</p>"
                + "<p>Item 4. Information on the Company</p>"
                + "<p>We explore for gold in the Democratic Republic of the Congo.</p></body></html>"
            try html.write(to: file, atomically: true, encoding: .utf8)
            let result = try Support.run(["chunk", file.path, "--provider", "hashing", "--json"])
            #expect(result.status == 0, "\(result.stderr)")
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            )
            let chunks = try #require(object["chunks"] as? [[String: Any]])
            let input = try #require(chunks.first?["embeddingInput"] as? String)
            #expect(input.contains("\(expected) fiscal 2015"), "\(input)")
        }
    }
}
