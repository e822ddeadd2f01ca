import Foundation
import Pipeline
import Retrieval
import SECDocuments
import VectorStore

/// One hit of a search response (openapi.yaml `Hit`): score, id, the citation of an SEC chunk, a
/// highlighted snippet, and on request the full text and every field.
struct HitBody: Encodable, Sendable {
    var id: String
    var score: Float
    /// Where an SEC chunk comes from (the document URL as `secURL`).
    var citation: CitationFields?
    var snippet: String?
    var text: String?
    var fields: JSONValue?

    init(_ hit: SearchHit, query: String, textField: String?, include: Set<String>) {
        id = hit.id
        score = hit.score
        let text = textField.flatMap { hit.document.fields[$0]?.stringValue }
        citation = hit.chunk.map { CitationFields($0.citation, urlKey: "secURL") }
        snippet = text.map { Snippet.highlight($0, query: query) }
        self.text = include.contains("text") ? text : nil
        fields = include.contains("fields") ? Self.json(hit.document.fields) : nil
    }

    /// Field values as JSON: dates as `YYYY-MM-DD`, the rest as their JSON types.
    static func json(_ fields: [String: FieldValue]) -> JSONValue {
        var object: [String: JSONValue] = [:]
        for (name, value) in fields {
            switch value {
            case .string(let text): object[name] = .string(text)
            case .int64(let number): object[name] = .integer(number)
            case .double(let number): object[name] = .number(number)
            case .bool(let flag): object[name] = .bool(flag)
            case .date(let date): object[name] = .string(date.description)
            case .stringArray(let texts): object[name] = .array(texts.map(JSONValue.string))
            }
        }
        return .object(object)
    }
}
