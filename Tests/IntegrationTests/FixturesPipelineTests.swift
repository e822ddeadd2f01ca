import Embedding
import FilingParser
import Foundation
import Pipeline
import PipelineConfig
import SECDocuments
import SECModel
import Testing
import VectorStore

/// The walking skeleton end to end, in process: the fixtures pipeline into a temporary directory,
/// then questions against it.
@Suite struct FixturesPipelineTests {
    struct Question: Decodable {
        var question: String
        var accession: String
        var item: String
    }

    static func ingest() async throws -> (root: URL, report: RunReport, collection: LocalCollection) {
        let root = Support.temporaryDirectory()
        let definition = try PipelineDefinition.load(path: Support.fixturesPipeline)
        let report = try await PipelineRunner.make(definition: definition, dataRoot: root).run()
        return (root, report, try LocalStore(root: root).open(collection: definition.store.collection))
    }

    static func search(
        _ collection: LocalCollection,
        _ question: String,
        k: Int = 5,
        filters: [MetadataFilter] = []
    )
        async throws -> [SearchHit]
    {
        let info = await collection.info
        let embedder = try EmbedderFactory.make(modelID: info.embeddingModel, dimension: info.dimension)
        let vector = try await embedder.embed(queries: [question])[0]
        return try await collection.search(SearchRequest(vector: vector, k: k, filters: filters))
    }

    @Test func riskFactorQuestionReturnsTheTenKItem1AFirst() async throws {
        let (root, report, collection) = try await Self.ingest()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(report.filingsIngested == 3)
        #expect(report.chunksWritten > 20)
        let hits = try await Self.search(
            collection,
            "What risks come from relying on a single third-party foundry for wafer supply?"
        )
        let first = try #require(hits.first?.chunk)
        #expect(first.citation.form == .tenK)
        #expect(first.citation.item == "1A")
        #expect(first.citation.accession.description == "0001999901-25-000004")
        #expect(first.citation.companyName == "Harbor Ridge Semiconductor, Inc.")
        #expect(
            first.citation.sourceURL.hasSuffix(
                "/Archives/edgar/data/1999901/000199990125000004/hrsc-20241231.htm"
            )
        )
    }

    @Test func citationsReproduceTheCanonicalText() async throws {
        let (root, _, collection) = try await Self.ingest()
        defer { try? FileManager.default.removeItem(at: root) }
        let hits = try await Self.search(collection, "revenue gross margin liquidity freight results", k: 50)
        #expect(hits.count == 50)
        var documents: [String: ParsedDocumentBox] = [:]
        for hit in hits {
            let citation = try #require(hit.chunk).citation
            let key = citation.sourceURL
            if documents[key] == nil { documents[key] = try ParsedDocumentBox.load(citation: citation) }
            let document = try #require(documents[key]).document
            #expect(document.text(charStart: citation.charStart, charEnd: citation.charEnd) == hit.chunk?.text)
        }
    }

    @Test func filtersNarrowToOneFilerFormAndItem() async throws {
        let (root, _, collection) = try await Self.ingest()
        defer { try? FileManager.default.removeItem(at: root) }
        let filters = [try MetadataFilter(parsing: "ticker=NWFL"), try MetadataFilter(parsing: "item=I-2")]
        let hits = try await Self.search(collection, "fuel costs and freight volumes", k: 10, filters: filters)
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { $0.chunk?.citation.tickers == ["NWFL"] && $0.chunk?.citation.item == "I-2" })
        let eightK = try await Self.search(
            collection,
            "results",
            k: 10,
            filters: [try MetadataFilter(parsing: "form=8-K")]
        )
        #expect(Set(eightK.map(\.chunk?.citation.item)).isSubset(of: ["cover", "2.02", "9.01"]))
        let year = try await Self.search(
            collection,
            "results",
            k: 100,
            filters: [try MetadataFilter(parsing: "fiscal_year=2024")]
        )
        #expect(!year.isEmpty && year.allSatisfy { $0.chunk?.citation.fiscalYear == 2024 })
    }

    @Test func questionSetExpectedSectionsRankHigh() async throws {
        let (root, _, collection) = try await Self.ingest()
        defer { try? FileManager.default.removeItem(at: root) }
        let data = try #require(
            FileManager.default.contents(atPath: Support.repo.appendingPathComponent("fixtures/questions.json").path)
        )
        let questions = try JSONDecoder().decode([Question].self, from: data)
        #expect(questions.count >= 8)
        var inTopThree = 0
        for question in questions {
            let hits = try await Self.search(collection, question.question, k: 3)
            if hits.contains(where: {
                $0.chunk?.citation.accession.description == question.accession
                    && $0.chunk?.citation.item == question.item
            }) {
                inTopThree += 1
            }
        }
        #expect(Double(inTopThree) / Double(questions.count) >= 0.6, "\(inTopThree) of \(questions.count) in the top 3")
    }

    @Test func reingestingIsIdempotent() async throws {
        let (root, first, _) = try await Self.ingest()
        defer { try? FileManager.default.removeItem(at: root) }
        let definition = try PipelineDefinition.load(path: Support.fixturesPipeline)
        let second = try await PipelineRunner.make(definition: definition, dataRoot: root).run()
        #expect(second.collectionCount == first.collectionCount)
        let raw = try FileManager.default.subpathsOfDirectory(atPath: root.appendingPathComponent("raw").path)
        // Three primary documents and the 8-K's EX-99.1 press release.
        #expect(raw.filter { $0.hasSuffix(".zst") }.count == 4)
    }

    @Test func theEightKsPressReleaseIsIngestedAndCitedAsItsExhibit() async throws {
        let (root, report, collection) = try await Self.ingest()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(report.exhibitsIngested == 1)
        let hits = try await Self.search(
            collection,
            "How much did Harbor Ridge's Data Center revenue grow in the first quarter of 2025?",
            k: 3
        )
        let first = try #require(hits.first?.chunk)
        #expect(first.citation.documentType == "EX-99.1")
        #expect(first.citation.form == .eightK)
        #expect(first.citation.accession.description == "0001999901-25-000011")
        #expect(first.citation.sourceURL.hasSuffix("/000199990125000011/hrsc-20250424xex99d1.htm"))
        #expect(first.id.hasPrefix("0001999901-25-000011:EX-99.1:"))
        let exhibits = try await Self.search(
            collection,
            "results",
            k: 100,
            filters: [try MetadataFilter(parsing: "document_type=EX-99.1")]
        )
        #expect(!exhibits.isEmpty && exhibits.allSatisfy { $0.chunk?.citation.isExhibit == true })
    }
}

/// A fixture filing re-parsed from the repository, to check citation spans against.
struct ParsedDocumentBox {
    var document: ParsedDocument

    static func load(citation: Citation) throws -> ParsedDocumentBox {
        let name = try #require(citation.sourceURL.split(separator: "/").last)
        let path = Support.repo.appendingPathComponent(
            "fixtures/edgar/Archives/edgar/data/\(citation.cik)/\(citation.accession.folderName)/\(name)"
        ).path
        let data = try #require(FileManager.default.contents(atPath: path))
        return ParsedDocumentBox(
            document: try HTMLFilingParser().parse([UInt8](data), form: citation.form, source: path)
        )
    }
}
