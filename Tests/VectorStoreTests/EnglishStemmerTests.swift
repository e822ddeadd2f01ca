import Foundation
import Testing

@testable import VectorStore

/// The Porter2 stemmer against the reference implementation's output
/// (`fixtures/porter2/vocabulary.txt`, written by `scripts/porter2-vocabulary.py`), and the
/// analyzer choice a collection makes.
@Suite struct EnglishStemmerTests {
    static let vocabulary = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/porter2/vocabulary.txt")

    @Test func everyReferenceWordStemsAsTheReference() throws {
        let lines = try String(contentsOf: Self.vocabulary, encoding: .utf8).split(separator: "\n")
        #expect(lines.count > 3_000)
        var wrong: [String] = []
        for line in lines {
            let parts = line.split(separator: " ")
            guard parts.count == 2 else { continue }
            let stem = String(decoding: EnglishStemmer.stem(Array(parts[0].utf8)), as: UTF8.self)
            if stem != parts[1] { wrong.append("\(parts[0]) -> \(stem), reference \(parts[1])") }
        }
        #expect(wrong.isEmpty, "\(wrong.count) differ: \(wrong.prefix(20).joined(separator: "; "))")
    }

    @Test func specificationExamples() {
        let cases = [
            ("employees", "employe"), ("employed", "employ"), ("employment", "employ"), ("operating", "oper"),
            ("operations", "oper"), ("generously", "generous"), ("skies", "sky"), ("ties", "tie"), ("cries", "cri"),
            ("gas", "gas"), ("gaps", "gap"), ("hopping", "hop"), ("hoping", "hope"), ("succeeding", "succeed"),
        ]
        for (word, stem) in cases {
            #expect(String(decoding: EnglishStemmer.stem(Array(word.utf8)), as: UTF8.self) == stem, "\(word)")
        }
    }

    @Test func englishStemsLetterWordsAndLeavesTheRestToThePluralRule() {
        let text = "Employees worked 10-Ks; the workforce's FY2024 revenues Société"
        #expect(
            LexicalAnalyzer.terms(of: text, analyzer: .english)
                == ["employe", "work", "10", "ks", "workforc", "s", "fy2024", "revenu", "société"]
        )
        #expect(
            LexicalAnalyzer.terms(of: text, analyzer: .plural)
                == ["employee", "worked", "10", "ks", "workforce", "s", "fy2024", "revenue", "société"]
        )
    }

    @Test func aSchemaWithoutAnAnalyzerIsPluralAndANewOneEnglish() throws {
        let schema = CollectionSchema(
            fields: [FieldDefinition(name: "text", type: .string)],
            vectors: [VectorFieldDefinition(name: "embedding", dimension: 2)],
            textField: "text"
        )
        #expect(schema.textAnalyzer == .english)
        var object = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(schema)) as? [String: Any]
        )
        #expect(object["textAnalyzer"] as? String == "english")
        object.removeValue(forKey: "textAnalyzer")
        let old = try JSONDecoder().decode(CollectionSchema.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(old.textAnalyzer == .plural)
        #expect(schema.adoptingAnalyzer(of: old).textAnalyzer == .plural)
        #expect(!schema.extends(old))
        #expect(schema.adoptingAnalyzer(of: old).extends(old))
    }
}
