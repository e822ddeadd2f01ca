import Foundation

/// EDGAR's filing index page, `{accession}-index.htm` (also served as `-index.html`, inside the
/// filing folder and beside it in `data/{cik}/`): its "Document Format Files" and "Data Files"
/// tables (`<table class="tableFile">`) list every document with its sequence, description, file
/// name and **type** (`8-K`, `EX-99.1`, `GRAPHIC`, `EX-101.SCH`) — the type `index.json` lacks.
///
/// Rows are `<td>` cells Seq | Description | Document (a link whose text is the file name; iXBRL
/// documents link through `/ix?doc=`) | Type | Size. The "Complete submission text file" row, with
/// no type, is kept with an empty type.
public struct FilingIndexPage: Sendable, Hashable {
    /// One row of a document table.
    public struct Document: Sendable, Hashable {
        /// The `Seq` cell; `nil` when blank (the complete submission row).
        public var sequence: Int?
        public var description: String
        public var fileName: String
        /// The `Type` cell, e.g. `EX-99.1`; empty when blank.
        public var type: String
        public var sizeBytes: Int?
    }

    /// Every row of every document table, in page order.
    public var documents: [Document]

    /// Decodes a filing index page.
    ///
    /// - Throws: `EDGARError.malformedResponse` when the page has no `tableFile` table.
    public static func decode(_ data: Data, source: String) throws(EDGARError) -> FilingIndexPage {
        let text = String(decoding: data, as: UTF8.self)
        var documents: [Document] = []
        var foundTable = false
        for table in text.matches(of: tablePattern) {
            foundTable = true
            for row in table.output.1.matches(of: rowPattern) {
                let cells = row.output.1.matches(of: cellPattern).map { $0.output.1 }
                guard cells.count >= 4, let link = cells[2].firstMatch(of: linkPattern) else { continue }
                let fileName = plainText(link.output.1)
                guard !fileName.isEmpty else { continue }
                documents.append(
                    Document(
                        sequence: Int(plainText(cells[0])),
                        description: plainText(cells[1]),
                        fileName: fileName,
                        type: plainText(cells[3]),
                        sizeBytes: cells.count > 4 ? Int(plainText(cells[4])) : nil
                    )
                )
            }
        }
        guard foundTable else {
            throw EDGARError(
                code: .malformedResponse,
                source: source,
                message: "no document table (<table class=\"tableFile\">): not an EDGAR filing index page"
            )
        }
        return FilingIndexPage(documents: documents)
    }

    /// A cell's text: tags removed, the entities EDGAR writes decoded, whitespace collapsed.
    static func plainText(_ html: Substring) -> String {
        let stripped = html.replacing(tagPattern, with: " ")
        let decoded = stripped.replacing("&nbsp;", with: " ").replacing("&#160;", with: " ")
            .replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"")
            .replacing("&#39;", with: "'").replacing("&amp;", with: "&")
        return decoded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    // Built once: a literal in a function would be compiled at every call.
    nonisolated(unsafe) private static let tablePattern = /(?is)<table[^>]*class="tableFile"[^>]*>(.*?)<\/table>/
    nonisolated(unsafe) private static let rowPattern = /(?is)<tr[^>]*>(.*?)<\/tr>/
    nonisolated(unsafe) private static let cellPattern = /(?is)<td[^>]*>(.*?)<\/td>/
    nonisolated(unsafe) private static let linkPattern = /(?is)<a\s[^>]*>(.*?)<\/a>/
    nonisolated(unsafe) private static let tagPattern = /<[^>]*>/
}
