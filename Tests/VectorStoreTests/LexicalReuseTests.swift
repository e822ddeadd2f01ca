import Foundation
import Testing

@testable import VectorStore

/// Text is analysed once, when a record is written: the memtable keeps each record's analysis, a
/// flush writes postings built from them, and a compaction remaps its inputs' postings. Each must
/// equal the postings of analysing the rows' text again.
@Suite struct LexicalReuseTests {
    static let schema = CollectionSchema(
        fields: [FieldDefinition(name: "body", type: .string)],
        vectors: [VectorFieldDefinition(name: "v", dimension: 2)],
        textField: "body"
    )
    static let words = ["revenue", "Risk", "factors", "10-K", "liquidity", "Société", "goodwill", "the", "lease"]

    static func document(_ id: Int, _ generator: inout SeededGenerator) -> Document {
        let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
            words[Int.random(in: 0..<words.count, using: &generator)]
        }
        return Document(
            id: "d\(id)",
            fields: ["body": .string(text.joined(separator: " "))],
            vectors: [
                "v": [Float.random(in: 0.1...1, using: &generator), Float.random(in: 0.1...1, using: &generator)]
            ]
        )
    }

    static func reanalysed(_ source: SearchSource) -> LexicalPostings {
        LexicalPostings(
            texts: (0..<source.rowCount).map { source.value($0, 0)?.stringValue ?? "" },
            analyzer: .current
        )
    }

    @Test(arguments: [5, 6, 7])
    func memtableFlushAndCompactionPostingsEqualAnalysingAgain(seed: UInt64) async throws {
        var generator = SeededGenerator(seed: seed)
        let store = LocalStore(
            root: StoreTestSupport.temporaryDirectory(),
            options: StoreOptions(compactionFanIn: 2, compactionBytesPerSecond: 0)
        )
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(CollectionInfo(name: "t", embeddingModel: "m", schema: Self.schema))
        for round in 0..<6 {
            // Overwrites and deletes across rounds, so compaction drops and interleaves rows.
            try await collection.upsert(
                (0..<40).map { _ in Self.document(Int.random(in: 0..<90, using: &generator), &generator) }
            )
            try await collection.delete((0..<5).map { _ in "d\(Int.random(in: 0..<90, using: &generator))" })
            let memtable = await collection.snapshot().sources.last
            if let memtable {
                #expect(try LexicalContents(memtable.lexical) == LexicalContents(Self.reanalysed(memtable)))
            }
            if round % 2 == 1 { try await collection.commit() }
        }
        try await collection.commit()
        try await collection.waitForMaintenance()
        let segments = await collection.segments
        #expect(segments.count < 4, "fan-in 2 compacted the flushed segments")
        for segment in segments {
            #expect(
                try LexicalContents(segment.source.lexical) == LexicalContents(Self.reanalysed(segment.source))
            )
        }
    }

    /// Words longer than a term's bound (here 300 two-byte letters) flush, compact and scrub.
    @Test func overlongNonASCIIWordsFlushCompactAndScrub() async throws {
        let store = LocalStore(
            root: StoreTestSupport.temporaryDirectory(),
            options: StoreOptions(compactionFanIn: 2, compactionBytesPerSecond: 0)
        )
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(CollectionInfo(name: "t", embeddingModel: "m", schema: Self.schema))
        let word = "a" + String(repeating: "é", count: 300)
        for round in 0..<2 {
            try await collection.upsert([
                Document(id: "d\(round)", fields: ["body": .string("\(word) lease")], vectors: ["v": [0.5, 0.5]])
            ])
            try await collection.commit()
        }
        try await collection.waitForMaintenance()
        try await collection.scrub()
        var request = SearchRequest(vector: [0.5, 0.5], k: 5)
        request.text = word
        request.mode = .lexical
        #expect(try await collection.search(request).map(\.id).sorted() == ["d0", "d1"])
    }
}
