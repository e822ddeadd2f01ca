import Foundation
import SECDocuments
import Testing

@testable import VectorStore

/// A collection's text analyzer is chosen at creation and kept: a new collection stems English
/// ("employed" matches "employment"), a collection written before (plural stemming only) keeps
/// its terms and analyses queries as its rows were, in the memtable and in flushed segments.
@Suite struct TextAnalyzerTests {
    static func records() throws -> [ChunkRecord] {
        let texts = [
            "The company employed about 200 people at year end.",
            "Diesel fuel surcharges offset higher fuel prices.",
        ]
        return try texts.enumerated().map { index, text in
            var record = try LocalCollectionTests.record(index)
            record.chunk.text = text
            return record
        }
    }

    static func ids(_ collection: LocalCollection, _ text: String) async throws -> [String] {
        try await collection.search(SearchRequest(vector: nil, text: text, k: 5, mode: .lexical)).map(\.id)
    }

    @Test func aNewCollectionStemsEnglishInMemtableAndSegment() async throws {
        let store = LocalCollectionTests.makeStore()
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(LocalCollectionTests.info)
        #expect(await collection.info.schema.textAnalyzer == .english)
        try await collection.upsert(try Self.records())
        #expect(try await Self.ids(collection, "employment") == ["chunk-0"])
        try await collection.flush()
        #expect(try await Self.ids(collection, "employment of people") == ["chunk-0"])
    }

    @Test func aPluralCollectionKeepsItsAnalyzerWhenOpenedWithTodaysSchema() async throws {
        let store = LocalCollectionTests.makeStore()
        defer { try? FileManager.default.removeItem(at: store.root) }
        var old = LocalCollectionTests.info
        old.schema.textAnalyzer = .plural
        let collection = try store.openOrCreate(old)
        try await collection.upsert(try Self.records())
        try await collection.flush()
        #expect(try await Self.ids(collection, "employment").isEmpty)
        #expect(Set(try await Self.ids(collection, "employed surcharge")) == ["chunk-0", "chunk-1"])

        let reopened = try store.openOrCreate(LocalCollectionTests.info)
        #expect(await reopened.info.schema.textAnalyzer == .plural)
        try await reopened.upsert([try LocalCollectionTests.record(2)])
        #expect(try await Self.ids(reopened, "employment").isEmpty)
        #expect(try await Self.ids(reopened, "employed").contains("chunk-0"))
        let stored = try Data(contentsOf: store.root.appendingPathComponent("collections/filings/collection.json"))
        #expect(String(decoding: stored, as: UTF8.self).contains("\"textAnalyzer\" : \"plural\""))
    }
}
