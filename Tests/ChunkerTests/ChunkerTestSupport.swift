import Chunker
import SECModel
import Testing

/// One token per whitespace-separated word plus 2 for `[CLS]`/`[SEP]`: additive, easy to reason about.
struct WordCounter: TokenCounter {
    func tokenCount(_ text: String) -> Int { text.split(whereSeparator: \.isWhitespace).count + 2 }
}

enum ChunkerTestSupport {
    static func filing() throws -> FilingMetadata {
        let cik = try #require(CIK("1999901"))
        let accession = try #require(AccessionNumber("0001999901-25-000004"))
        return FilingMetadata(
            cik: cik,
            companyName: "Harbor Ridge",
            tickers: ["HRSC"],
            form: .tenK,
            accession: accession,
            filingDate: try #require(EDGARDate("2025-02-14")),
            reportDate: EDGARDate("2024-12-31"),
            primaryDocument: "hrsc-20241231.htm",
            sourceURL: FilingMetadata.archiveURL(cik: cik, accession: accession, fileName: "hrsc-20241231.htm")
        )
    }

    /// A document whose sections are the given blocks joined like the parser joins them: blocks by a
    /// blank line, and each section's blocks likewise.
    static func document(_ sections: [(key: String, blocks: [String])]) -> ParsedDocument {
        var text = ""
        var result: [Section] = []
        for (key, blocks) in sections {
            if !text.isEmpty { text += "\n\n" }
            let start = text.unicodeScalars.count
            text += blocks.joined(separator: "\n\n")
            result.append(
                Section(key: key, title: "Title \(key)", charStart: start, charEnd: text.unicodeScalars.count)
            )
        }
        return ParsedDocument(canonicalText: text, sections: result)
    }

    /// `count` sentences of `words` words each, numbered so every word is distinct.
    static func paragraph(_ tag: String, sentences count: Int, words: Int) -> String {
        (0..<count).map { sentence in
            "Sentence\(tag)x\(sentence) " + (1..<words).map { "w\(tag)x\(sentence)x\($0)" }.joined(separator: " ") + "."
        }.joined(separator: " ")
    }

    /// A table of `rows` rows after a header row, cells joined by ` | ` and rows by a newline.
    static func table(_ tag: String, rows: Int) -> String {
        (["Year | Revenue\(tag) | Margin"] + (0..<rows).map { "20\($0) | $\($0),000 | \($0)%" }).joined(separator: "\n")
    }

    /// The text of `[start, end)` in Unicode scalars.
    static func slice(_ document: ParsedDocument, _ start: Int, _ end: Int) -> String {
        document.text(charStart: start, charEnd: end)
    }
}
