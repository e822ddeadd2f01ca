import Foundation
import SECDocuments
import SECModel
import Testing

@testable import VectorStore

@Suite struct LocalCollectionTests {
    static let dimension = 8

    static func record(
        _ index: Int,
        cik: String = "1999901",
        form: FormType = .tenK,
        item: String = "1A"
    ) throws -> ChunkRecord {
        let accession = try #require(AccessionNumber("0001999901-25-00000\(index % 10)"))
        let filing = FilingMetadata(
            cik: try #require(CIK(cik)),
            companyName: "Harbor Ridge Semiconductor, Inc.",
            tickers: ["HRSC"],
            form: form,
            accession: accession,
            filingDate: try #require(EDGARDate("2025-02-14")),
            reportDate: EDGARDate("2024-12-31"),
            primaryDocument: "hrsc-20241231.htm",
            sourceURL: "https://www.sec.gov/x"
        )
        let section = Section(key: item, title: "Risk Factors", charStart: 0, charEnd: 100)
        let chunk = Chunk(
            id: "chunk-\(index)",
            text: "text \(index) " + String(repeating: "padding ", count: 50),
            citation: Citation(filing: filing, section: section, charStart: index, charEnd: index + 10)
        )
        var vector = [Float](repeating: 0, count: dimension)
        vector[index % dimension] = 1
        vector[(index + 1) % dimension] = Float(index % 3) * 0.1
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return ChunkRecord(chunk: chunk, vector: vector.map { $0 / norm })
    }

    static func makeStore() -> LocalStore {
        LocalStore(root: FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)"))
    }

    static let info = CollectionInfo(name: "filings", embeddingModel: "test-8", dimension: dimension)

    @Test func searchFindsTheNearestAndSurvivesReopen() async throws {
        let store = Self.makeStore()
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(Self.info)
        try await collection.upsert((0..<20).map { try Self.record($0) })
        let query = try Self.record(3).vector
        let hits = try await collection.search(SearchRequest(vector: query, k: 3))
        #expect(hits.first?.id == "chunk-3")
        #expect(abs((hits.first?.score ?? 0) - 1) < 1e-5)
        #expect(hits.count == 3)

        let reopened = try store.open(collection: "filings")
        #expect(await reopened.count == 20)
        let again = try await reopened.search(SearchRequest(vector: query, k: 3))
        #expect(again == hits)
    }

    @Test func upsertReplacesBySameID() async throws {
        let store = Self.makeStore()
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(Self.info)
        try await collection.upsert([try Self.record(1), try Self.record(2)])
        var replacement = try Self.record(2)
        replacement.chunk.text = "replaced"
        try await collection.upsert([replacement])
        #expect(await collection.count == 2)
        let reopened = try store.open(collection: "filings")
        #expect(await reopened.count == 2)
        let hit = try await reopened.search(SearchRequest(vector: replacement.vector, k: 1)).first
        #expect(hit?.chunk?.text == "replaced")
    }

    @Test func filtersReturnOnlyMatchingRecordsAndAllOfThem() async throws {
        let store = Self.makeStore()
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(Self.info)
        var batch: [ChunkRecord] = []
        for index in 0..<30 {
            batch.append(
                try Self.record(
                    index,
                    cik: index % 3 == 0 ? "1999902" : "1999901",
                    form: index % 2 == 0 ? .tenQ : .tenK
                )
            )
        }
        try await collection.upsert(batch)
        let filters = [try MetadataFilter(parsing: "cik=0001999902"), try MetadataFilter(parsing: "form=10-q")]
        let hits = try await collection.search(SearchRequest(vector: batch[0].vector, k: 100, filters: filters))
        #expect(hits.count == 5)
        #expect(hits.allSatisfy { $0.chunk?.citation.cik.description == "1999902" && $0.chunk?.citation.form == .tenQ })
        let none = try await collection.search(
            SearchRequest(vector: batch[0].vector, k: 5, filters: [try MetadataFilter(parsing: "ticker=NOPE")])
        )
        #expect(none.isEmpty)
    }

    @Test func rejectsBadVectorsAndLeavesTheStoreUnchanged() async throws {
        let store = Self.makeStore()
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(Self.info)
        var wrongDimension = try Self.record(1)
        wrongDimension.vector = [1, 0]
        var notFinite = try Self.record(2)
        notFinite.vector[0] = .nan
        await #expect(throws: StoreError.self) { try await collection.upsert([try Self.record(0), wrongDimension]) }
        await #expect(throws: StoreError.self) { try await collection.upsert([notFinite]) }
        #expect(await collection.count == 0)
        await #expect(throws: StoreError.self) { try await collection.search(SearchRequest(vector: [1], k: 1)) }
        await #expect(throws: StoreError.self) {
            try await collection.search(SearchRequest(vector: notFinite.vector, k: 0))
        }
    }

    @Test func refusesAnotherEmbeddingModel() throws {
        let store = Self.makeStore()
        defer { try? FileManager.default.removeItem(at: store.root) }
        _ = try store.openOrCreate(Self.info)
        #expect(throws: StoreError.self) {
            try store.openOrCreate(CollectionInfo(name: "filings", embeddingModel: "other", dimension: 8))
        }
    }

    @Test func missingDataDirectorySaysToRunAPipeline() {
        let store = Self.makeStore()
        do {
            _ = try store.open(collection: "filings")
            Issue.record("expected notFound")
        } catch {
            #expect(error.code == .notFound)
            #expect(error.description.contains("vectordb run"))
        }
    }

    @Test(arguments: [1, 5, 13, 40])
    func tornTailIsDroppedAndEarlierBatchesKept(cutBytes: Int) async throws {
        let store = Self.makeStore()
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(Self.info)
        try await collection.upsert([try Self.record(0), try Self.record(1)])
        try await collection.upsert([try Self.record(2), try Self.record(3)])
        let log = store.root.appendingPathComponent("collections/filings/wal-000001.log").path
        let bytes = try #require(FileManager.default.contents(atPath: log))
        try Data(bytes.prefix(bytes.count - cutBytes)).write(to: URL(fileURLWithPath: log))
        let reopened = try store.open(collection: "filings")
        #expect(await reopened.count == 2)
        try await reopened.upsert([try Self.record(4)])
        let reopenedAgain = try store.open(collection: "filings")
        #expect(await reopenedAgain.count == 3)
    }

    @Test func flippedByteInAnEarlierBatchIsReportedWithFileAndOffset() async throws {
        let store = Self.makeStore()
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(Self.info)
        try await collection.upsert([try Self.record(0), try Self.record(1)])
        try await collection.upsert([try Self.record(2)])
        let log = store.root.appendingPathComponent("collections/filings/wal-000001.log").path
        var bytes = [UInt8](try #require(FileManager.default.contents(atPath: log)))
        bytes[40] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: log))
        do {
            _ = try store.open(collection: "filings")
            Issue.record("expected corruption")
        } catch {
            #expect(error.code == .corruption)
            #expect(error.file == log)
            #expect(error.offsetBytes == WALRecord.fileHeaderBytes)
        }
    }

    @Test func filterParsingNamesTheProblem() {
        #expect(throws: StoreError.self) { try MetadataFilter(parsing: "sector=tech") }
        #expect(throws: StoreError.self) { try MetadataFilter(parsing: "cik") }
        #expect(throws: StoreError.self) { try MetadataFilter(parsing: "cik=abc") }
        #expect(throws: StoreError.self) { try MetadataFilter(parsing: "year=twenty") }
        #expect(throws: StoreError.self) { try MetadataFilter(parsing: "form=") }
    }
}
