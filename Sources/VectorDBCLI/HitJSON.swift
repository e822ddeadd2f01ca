import Foundation
import Retrieval
import VectorStore

/// The `--json` rendering of a hit: one object per line.
enum HitJSON {
    struct Line: Encodable {
        var score: Float
        var id: String
        var text: String
        var cik: String
        var company: String
        var tickers: [String]
        var form: String
        var filingDate: String
        var reportDate: String?
        var fiscalYear: Int
        var accession: String
        var item: String
        var itemTitle: String
        var charStart: Int
        var charEnd: Int
        var sourceURL: String
        /// The form for a primary-document chunk, the exhibit type (`EX-99.1`) for an exhibit's.
        var documentType: String
        /// How the question was read (the same on every line of one search); absent for
        /// `--ranking plain`.
        var interpretation: QuestionInterpretation?
    }

    /// One hit as a JSON object, with the search's `interpretation` when given.
    static func line(_ hit: SearchHit, interpretation: QuestionInterpretation?) throws -> String {
        guard let chunk = hit.chunk else { return try genericLine(hit, interpretation: interpretation) }
        let citation = chunk.citation
        let line = Line(
            score: hit.score,
            id: chunk.id,
            text: chunk.text,
            cik: citation.cik.description,
            company: citation.companyName,
            tickers: citation.tickers,
            form: citation.form.rawValue,
            filingDate: citation.filingDate.description,
            reportDate: citation.reportDate?.description,
            fiscalYear: citation.fiscalYear,
            accession: citation.accession.description,
            item: citation.item,
            itemTitle: citation.itemTitle,
            charStart: citation.charStart,
            charEnd: citation.charEnd,
            sourceURL: citation.sourceURL,
            documentType: citation.documentType,
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
