import Embedding
import Foundation
import Pipeline
import PipelineConfig
import SECDocuments
import SECModel
import Testing
import VectorStore

/// Exhibits through parse → chunk → store: their chunks cite the filing with the exhibit's URL and
/// type, ids stay unique across a filing's documents, and collections from before `document_type`
/// still open.
@Suite struct ExhibitIngestionTests {
    typealias Support = ExhibitTestSupport

    static func chunker() throws -> FilingChunker {
        try FilingChunker(maxTokens: 128, overlapTokens: 16, embedder: HashingEmbedder(dimension: 64))
    }

    /// Every chunk of every selected document of `accession`.
    static func chunks(_ accession: String, source: some FilingSource) async throws -> [Chunk] {
        let filing = try await Support.filing(accession, in: source)
        let chunker = try chunker()
        var chunks: [Chunk] = []
        for document in try await source.documents(of: filing) {
            chunks += try chunker.chunks(of: document, filing: filing.metadata).chunks.map(\.chunk)
        }
        return chunks
    }

    @Test func exhibitChunksCiteTheFilingWithTheExhibitsURLAndType() async throws {
        let chunks = try await Self.chunks("0001999901-25-000011", source: EDGARArchiveSource(root: Support.fixtures))
        let exhibit = chunks.filter { $0.citation.isExhibit }
        let primary = chunks.filter { !$0.citation.isExhibit }
        #expect(!exhibit.isEmpty && !primary.isEmpty)
        for chunk in exhibit {
            #expect(chunk.citation.documentType == "EX-99.1")
            #expect(chunk.citation.form == .eightK)
            #expect(chunk.citation.accession.description == "0001999901-25-000011")
            #expect(chunk.citation.filingDate.description == "2025-04-24")
            #expect(chunk.citation.sourceURL.hasSuffix("/000199990125000011/hrsc-20250424xex99d1.htm"))
            #expect(chunk.id.hasPrefix("0001999901-25-000011:EX-99.1:"))
            #expect(chunk.id.split(separator: ":").count == 4)
        }
        for chunk in primary {
            #expect(chunk.citation.documentType == "8-K")
            #expect(chunk.citation.sourceURL.hasSuffix("/000199990125000011/hrsc-20250424.htm"))
            #expect(chunk.id.split(separator: ":").count == 3, "primary ids keep {accession}:{item}:{ordinal}")
        }
        #expect(exhibit.contains { $0.text.contains("Net revenue was $318.6 million") })
        #expect(Set(chunks.map(\.id)).count == chunks.count)
        // Stable: the same ids again.
        let again = try await Self.chunks("0001999901-25-000011", source: EDGARArchiveSource(root: Support.fixtures))
        #expect(again.map(\.id) == chunks.map(\.id))
    }

    /// Two exhibits of one type (EDGAR allows it for EX-99 parts): the second is keyed `EX-99~2`.
    @Test func idsStayUniqueWhenAFilingRepeatsAnExhibitType() async throws {
        let root = Support.scratch("repeated-type")
        defer { try? FileManager.default.removeItem(at: root) }
        try Support.writeSubmissions(
            root: root,
            cik: 1_999_901,
            name: "Harbor Ridge Semiconductor, Inc.",
            ticker: "HRSC",
            accession: "0001999901-25-000002",
            form: "8-K",
            filed: "2025-02-06",
            primaryDocument: "hrsc-20250206.htm"
        )
        let original = try String(
            contentsOf: Support.resources.appendingPathComponent("0001999901-25-000002.txt"),
            encoding: .utf8
        )
        let repeated = original.replacingOccurrences(of: "<TYPE>EX-99.2", with: "<TYPE>EX-99.1")
        let folder = try Support.folder(root, cik: "1999901", accession: "0001999901-25-000002")
        try Data(repeated.utf8).write(to: folder.appendingPathComponent("0001999901-25-000002.txt"))
        let source = EDGARArchiveSource(root: root)
        let documents = try await source.documents(of: try await Support.filing("0001999901-25-000002", in: source))
        #expect(documents.map(\.key) == [nil, "EX-99.1", "EX-99.1~2"])
        let chunks = try await Self.chunks("0001999901-25-000002", source: source)
        #expect(Set(chunks.map(\.id)).count == chunks.count)
        #expect(chunks.contains { $0.id.hasPrefix("0001999901-25-000002:EX-99.1~2:") })
        #expect(chunks.filter { $0.citation.isExhibit }.allSatisfy { $0.citation.documentType == "EX-99.1" })
    }

    static func hashingDefinition(root: URL, documents: String? = nil) throws -> PipelineDefinition {
        try PipelineDefinition.parse(
            """
            [source]
            root = "\(root.path)"
            \(documents.map { "documents = \($0)" } ?? "")
            [embedder]
            provider = "hashing"
            dimension = 64
            """,
            file: "/tmp/exhibits.toml"
        )
    }

    @Test func aRunStoresExhibitsWithTheirTypeAndFindsThemByFilter() async throws {
        let data = Support.scratch("exhibit-run")
        defer { try? FileManager.default.removeItem(at: data) }
        let definition = try Self.hashingDefinition(root: Support.fixtures)
        let report = try await PipelineRunner.make(definition: definition, dataRoot: data).run()
        #expect(report.filingsIngested == 3)
        #expect(report.exhibitsIngested == 1)
        #expect(report.documentsSkipped == 0)
        let collection = try LocalStore(root: data).open(collection: "filings")
        let records = await collection.records()
        let exhibit = records.filter { $0.chunk.citation.documentType == "EX-99.1" }
        #expect(!exhibit.isEmpty)
        #expect(exhibit.allSatisfy { $0.document.fields["document_type"] == .string("EX-99.1") })
        #expect(records.filter { $0.chunk.citation.documentType == "10-K" }.count > 10)
        let hits = try await collection.search(
            SearchRequest(
                vector: nil,
                text: "first quarter revenue",
                k: 50,
                filters: [try MetadataFilter(parsing: "document_type=ex-99.1")],
                mode: .lexical
            )
        )
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { $0.chunk?.citation.documentType == "EX-99.1" })
        await collection.close()
        let raw = try FileManager.default.subpathsOfDirectory(atPath: data.appendingPathComponent("raw").path)
        #expect(raw.contains("1999901/000199990125000011/hrsc-20250424xex99d1.htm.zst"))
        let primaryOnly = try Self.hashingDefinition(root: Support.fixtures, documents: #"["primary"]"#)
        let other = Support.scratch("exhibit-run-primary")
        defer { try? FileManager.default.removeItem(at: other) }
        let again = try await PipelineRunner.make(definition: primaryOnly, dataRoot: other).run()
        #expect(again.exhibitsIngested == 0)
        #expect(again.chunksWritten == report.chunksWritten - exhibit.count)
    }

    /// A collection created with the SEC schema as it was before `document_type` (16 fields) opens
    /// for the next run, evolves to the new schema, and its old rows read as primary-document chunks.
    @Test func aCollectionFromBeforeDocumentTypesEvolvesOnTheNextRun() async throws {
        let data = Support.scratch("old-collection")
        defer { try? FileManager.default.removeItem(at: data) }
        var old = CollectionSchema.secFilings(dimension: 64)
        #expect(old.fields.last?.name == "document_type", "document_type is appended last")
        old.fields.removeLast()
        let store = LocalStore(root: data)
        let collection = try store.openOrCreate(
            CollectionInfo(name: "filings", embeddingModel: HashingEmbedder(dimension: 64).modelID, schema: old)
        )
        let tenK = try await Self.chunks("0001999901-25-000004", source: EDGARArchiveSource(root: Support.fixtures))
        let chunk = try #require(tenK.first)
        var fields = SECChunkMapping.fields(of: chunk)
        fields["document_type"] = nil
        var vector = [Float](repeating: 0, count: 64)
        vector[0] = 1
        try await collection.upsert([Document(id: "old-row", fields: fields, vectors: ["embedding": vector])])
        try await collection.commit()
        await collection.close()

        let report = try await PipelineRunner.make(
            definition: try Self.hashingDefinition(root: Support.fixtures),
            dataRoot: data
        )
        .run()
        #expect(report.exhibitsIngested == 1)
        let reopened = try LocalStore(root: data).open(collection: "filings")
        let records = await reopened.records()
        await reopened.close()
        let oldRow = try #require(records.first { $0.id == "old-row" })
        #expect(oldRow.chunk.citation.documentType == "10-K")
        #expect(!oldRow.chunk.citation.isExhibit)
        #expect(records.contains { $0.chunk.citation.documentType == "EX-99.1" })
    }
}
