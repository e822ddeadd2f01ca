import Foundation

/// Request bodies the API tests share.
enum Fixtures {
    /// A small schema: title (indexed), year (indexed), text (BM25), 32-dimension vectors.
    static let notesSchema = """
        {"primaryKey": "id", "textField": "text",
         "fields": [{"name": "title", "type": "string", "required": true, "index": true},
                    {"name": "year", "type": "int64", "required": false, "index": true},
                    {"name": "text", "type": "string", "required": true}],
         "vectors": [{"name": "embedding", "dimension": 32, "metric": "cosine"}]}
        """

    static func createNotes(_ name: String = "notes") -> String {
        #"{"name": "\#(name)", "schema": \#(notesSchema), "embedder": {"provider": "hashing", "dimension": 32}}"#
    }

    static func note(_ id: String, title: String, year: Int, text: String) -> String {
        #"{"id": "\#(id)", "fields": {"title": "\#(title)", "year": \#(year)}, "text": "\#(text)"}"#
    }

    static let threeNotes = """
        {"documents": [
          \(note("n1", title: "foundry", year: 2022, text: "We rely on a single third-party foundry for wafer supply.")),
          \(note("n2", title: "rates", year: 2023, text: "Interest rate changes affect our borrowing costs.")),
          \(note("n3", title: "cyber", year: 2024, text: "A cybersecurity incident could disrupt our operations."))
        ]}
        """

    /// One SEC chunk as a document of the `sec` schema.
    static func secChunk(_ id: String, text: String, item: String = "1A") -> String {
        """
        {"id": "\(id)", "text": "\(text)", "fields": {"cik": 320193, "company": "Example Devices Inc.",
         "tickers": ["EXD"], "form": "10-K", "filing_date": "2024-11-01", "report_date": "2024-09-28",
         "fiscal_year": 2024, "accession": "0000320193-24-000123",
         "source_url": "https://www.sec.gov/Archives/edgar/data/320193/000032019324000123/exd-20240928.htm",
         "item": "\(item)", "item_title": "Risk Factors", "char_start": 100, "char_end": 180,
         "document_type": "10-K"}}
        """
    }
}
