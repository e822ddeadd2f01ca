import Foundation
import Retrieval
import SECDocuments
import VectorStore

/// The `--json` rendering of a hit: one object per line.
enum HitJSON {
    /// A chunk hit: score, id, text, the citation's fields (`CitationFields`) at the same level,
    /// and the question's `interpretation` (absent for `--ranking plain`).
    struct Line: Encodable {
        var score: Float
        var id: String
        var text: String
        var citation: CitationFields
        var interpretation: QuestionInterpretation?

        enum CodingKeys: String, CodingKey { case score, id, text, interpretation }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(score, forKey: .score)
            try container.encode(id, forKey: .id)
            try container.encode(text, forKey: .text)
            try container.encodeIfPresent(interpretation, forKey: .interpretation)
            try citation.encode(to: encoder)
        }
    }

    /// One hit as a JSON object, with the search's `interpretation` when given.
    static func line(_ hit: SearchHit, interpretation: QuestionInterpretation?) throws -> String {
        guard let chunk = hit.chunk else { return try genericLine(hit, interpretation: interpretation) }
        let line = Line(
            score: hit.score,
            id: chunk.id,
            text: chunk.text,
            citation: CitationFields(chunk.citation),
            interpretation: interpretation
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(line), as: UTF8.self)
    }

    /// A hit of a collection with another schema than the SEC one: `score`, `id` and every field.
    static func genericLine(_ hit: SearchHit, interpretation: QuestionInterpretation?) throws -> String {
        var object: [String: Any] = ["score": Double(hit.score), "id": hit.id]
        if let interpretation {
            let data = try JSONEncoder().encode(interpretation)
            object["interpretation"] = try JSONSerialization.jsonObject(with: data)
        }
        for (name, value) in hit.document.fields {
            switch value {
            case .string(let text): object[name] = text
            case .int64(let number): object[name] = number
            case .double(let number): object[name] = number
            case .bool(let flag): object[name] = flag
            case .date(let date): object[name] = date.description
            case .stringArray(let texts): object[name] = texts
            }
        }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
