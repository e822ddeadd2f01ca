import Foundation
import SECModel
import VectorStore

/// The human-readable rendering of a hit: rank, score, filer, form (and exhibit type, for an
/// exhibit's chunk: `8-K EX-99.1`), date, item, snippet, source.
enum HitText {
    static func render(_ hit: SearchHit, rank: Int) -> String {
        guard let chunk = hit.chunk else {
            let fields = hit.document.fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            return "\(rank). [\(String(format: "%.3f", hit.score))] \(hit.id)\n   \(fields.joined(separator: "; "))\n"
        }
        let citation = chunk.citation
        let tickers = citation.tickers.isEmpty ? "" : " (\(citation.tickers.joined(separator: ", ")))"
        let item = citation.item == Section.coverKey ? "Cover" : "Item \(citation.item)"
        let title = citation.itemTitle.isEmpty ? "" : " \(citation.itemTitle)"
        let form = citation.isExhibit ? "\(citation.form) \(citation.documentType)" : "\(citation.form)"
        return """
            \(rank). [\(String(format: "%.3f", hit.score))] \(citation.companyName)\(tickers) \u{2014} \(form) filed \(citation.filingDate) \u{2014} \(item)\(title)
               "\(snippet(chunk.text))"
               \(citation.sourceURL) (chars \(citation.charStart)-\(citation.charEnd), accession \(citation.accession))

            """
    }

    /// The first ~240 characters, cut at a word boundary.
    static func snippet(_ text: String, limit: Int = 240) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard flat.count > limit else { return flat }
        let prefix = flat.prefix(limit)
        let cut = prefix.lastIndex(of: " ").map { prefix[..<$0] } ?? prefix
        return cut + " \u{2026}"
    }
}
