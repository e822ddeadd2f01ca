import Foundation
import SECDocuments
import SECModel
import VectorStore

/// Small SEC collections for ranking tests: chunks of named filers with hand-set vectors.
enum RetrievalTestSupport {
    struct Missing: Error {}

    struct Passage {
        var company: String
        var cik: String
        var tickers: [String]
        var form: FormType
        var item: String
        var title: String
        var text: String
        /// Direction of the chunk's embedding (normalised by the store's cosine).
        var vector: [Float]
    }

    static func chunk(_ passage: Passage, ordinal: Int) throws -> Chunk {
        let padded = String(repeating: "0", count: max(0, 10 - passage.cik.count)) + passage.cik
        guard let cik = CIK(passage.cik), let accession = AccessionNumber("\(padded)-24-000001"),
            let date = EDGARDate("2024-11-01")
        else { throw Missing() }
        let filing = FilingMetadata(
            cik: cik,
            companyName: passage.company,
            tickers: passage.tickers,
            form: passage.form,
            accession: accession,
            filingDate: date,
            reportDate: EDGARDate("2024-09-28"),
            primaryDocument: "doc.htm",
            sourceURL: "https://www.sec.gov/Archives/edgar/data/\(passage.cik)/doc.htm"
        )
        let section = Section(key: passage.item, title: passage.title, charStart: 0, charEnd: passage.text.count)
        return Chunk(
            id: "\(accession):\(passage.item):\(ordinal)",
            text: passage.text,
            citation: Citation(filing: filing, section: section, charStart: 0, charEnd: passage.text.count)
        )
    }

    /// A collection in a temporary directory holding `passages`.
    static func collection(_ passages: [Passage]) async throws -> (root: URL, collection: LocalCollection) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("retrieval-\(UUID().uuidString)")
        let store = LocalStore(root: root)
        let dimension = passages.first?.vector.count ?? 4
        let collection = try store.openOrCreate(
            CollectionInfo(name: "filings", embeddingModel: "test", dimension: dimension)
        )
        let records = try passages.enumerated().map { index, passage in
            ChunkRecord(chunk: try chunk(passage, ordinal: index), vector: passage.vector)
        }
        try await collection.upsert(records)
        return (root, collection)
    }
}
