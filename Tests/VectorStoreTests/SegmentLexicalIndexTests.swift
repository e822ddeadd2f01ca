import Foundation
import Testing

@testable import VectorStore

/// The per-term lexical blocks of a segment (`SegmentLexicalIndex`): their postings equal those of
/// analysing the rows again; a search reads only the lists of its terms (counters, not timings);
/// segments of the earlier whole-block layout search the same; a damaged posting list fails the
/// search that reads it, naming the file and the list's offset, and the scrub finds it.
@Suite struct SegmentLexicalIndexTests {
    static let schema = LexicalReuseTests.schema
    static let info = CollectionInfo(name: "t", embeddingModel: "m", schema: schema)
    /// Many distinct terms (`w0`…), stop words, plurals, digits and non-ASCII letters.
    static let vocabulary =
        (0..<400).map { "w\($0)" } + ["Risk", "risks", "the", "10-K", "Société", "naïve", "Ωmega", "leases", "of"]

    static func texts(_ count: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...14, using: &generator)).map { _ in
                vocabulary[Int.random(in: 0..<vocabulary.count, using: &generator)]
            }.joined(separator: " ")
        }
    }

    static func rows(_ texts: [String]) throws -> [StoredRow] {
        let documents = texts.enumerated().map { index, text in
            Document(id: "d\(index)", fields: ["body": .string(text)], vectors: ["v": [1, Float(index % 7) + 1]])
        }
        return try schema.rows(for: documents, batchRecordsMax: documents.count).enumerated().map {
            StoredRow(sequence: UInt64($0.offset + 1), record: $0.element, writtenAtMs: 1_000)
        }
    }

    /// A segment of `texts` written to a fresh file in `layout`, opened.
    static func segment(
        _ texts: [String],
        layout: SegmentWriter.LexicalLayout = .perTerm,
        in directory: URL,
        name: String = "seg-000001.vseg"
    ) throws -> SegmentReader {
        let path = directory.appendingPathComponent(name).path
        let bytes = try SegmentWriter.encode(
            SegmentWriter.Contents(rows: try rows(texts), tombstones: []),
            schema: schema,
            codec: .lz4,
            lexicalLayout: layout
        )
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return try SegmentReader(path: path, fileNumber: 1, schema: schema)
    }

    /// A search through a snapshot of `sources`, failing as a collection's search does when a
    /// block read during it is corrupt.
    static func search(_ text: String, in sources: [SearchSource], k: Int = 10) throws(StoreError) -> [SearchHit] {
        let snapshot = CollectionSnapshot(info: info, sources: sources)
        let hits = try snapshot.search(SearchRequest(vector: nil, text: text, k: k, mode: .lexical))
        try snapshot.checkIntegrity()
        return hits
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func postingsReadPerTermEqualAnalysingTheRows(seed: UInt64) throws {
        let directory = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let texts = Self.texts(700, seed: seed)
        let expected = LexicalPostings(texts: texts, analyzer: .current)
        let segment = try Self.segment(texts, in: directory)
        let index = try #require(try segment.rows.lexical() as? SegmentLexicalIndex)
        #expect(index.lengthSum == expected.lengthSum && index.termCount == expected.postings.count)
        for (term, list) in expected.postings { #expect(try index.postings(for: term) == list, "\(term)") }
        // Terms absent, before, between and after the stored ones read as empty.
        for absent in ["", "0", "a", "w", "w4000", "zzzz", "société!", String(repeating: "w", count: 256)] {
            #expect(try index.postings(for: absent).isEmpty, "\(absent)")
        }
        #expect(try LexicalContents(index) == LexicalContents(expected))
        try segment.verify()
    }

    @Test func aOneTermSearchReadsOneListAndNotTheWholeIndex() async throws {
        let root = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = LocalStore(root: root, options: StoreOptions(compactionFanIn: 1_000))
        let collection = try store.openOrCreate(Self.info)
        let texts = Self.texts(2_000, seed: 11)
        let documents = texts.enumerated().map { index, text in
            Document(id: "d\(index)", fields: ["body": .string(text)], vectors: ["v": [1, Float(index % 7) + 1]])
        }
        for start in stride(from: 0, to: documents.count, by: 500) {
            try await collection.upsert(Array(documents[start..<(start + 500)]))
        }
        try await collection.delete(["d3", "d4"])
        let request = SearchRequest(vector: nil, text: "w17", k: 5, mode: .lexical)
        let inMemory = try await collection.search(request)
        try await collection.commit()
        await collection.close()

        let reopened = try store.open(collection: "t")
        let segments = await reopened.segments
        #expect(segments.count == 1)
        let segment = try #require(segments.first)
        let hits = try await reopened.search(request)
        #expect(hits.map(\.id) == inMemory.map(\.id) && hits.map(\.score) == inMemory.map(\.score))
        #expect(!hits.isEmpty)
        let expected = LexicalPostings(texts: texts, analyzer: .current).postings["w17"]?.count ?? 0
        #expect(segment.counters.postingListsRead.load(ordering: .relaxed) == 1)
        #expect(
            segment.counters.postingBytesRead.load(ordering: .relaxed) == expected * SegmentLexicalIndex.postingBytes
        )
        // The dictionary is verified once; the postings and lengths are neither verified whole
        // nor decoded; no row of the whole index is built.
        let kinds = SegmentFormat.BlockKind.self
        #expect(segment.counters.verified.contains(kinds.lexicalTerms.rawValue))
        #expect(!segment.counters.verified.contains(kinds.lexicalPostings.rawValue))
        #expect(!segment.counters.verified.contains(kinds.lexicalLengths.rawValue))
        #expect(segment.counters.decoded.isDisjoint(with: SegmentFormat.lexicalKinds + [kinds.lexical.rawValue]))
        let index = try #require(try segment.rows.lexical() as? SegmentLexicalIndex)
        #expect(index.termCount > 300)
        await reopened.close()
    }

    @Test func aSegmentOfTheWholeBlockLayoutSearchesTheSame() throws {
        let directory = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let texts = Self.texts(600, seed: 21)
        let perTerm = try Self.segment(texts, in: directory)
        let old = try Self.segment(texts, layout: .wholeBlock, in: directory, name: "seg-000002.vseg")
        #expect(old.rows.blocks.entries[SegmentFormat.BlockKind.lexical.rawValue] != nil)
        #expect(SegmentFormat.lexicalKinds.allSatisfy { old.rows.blocks.entries[$0] == nil })
        #expect(perTerm.rows.blocks.entries[SegmentFormat.BlockKind.lexical.rawValue] == nil)
        #expect(try LexicalContents(old.source.lexical) == LexicalContents(perTerm.source.lexical))
        for query in ["w1", "w2 w3 risk", "société naïve", "ωmega lease", "w399 10 k", "nothing"] {
            let newHits = try Self.search(query, in: [perTerm.source])
            let oldHits = try Self.search(query, in: [old.source])
            #expect(newHits.map(\.id) == oldHits.map(\.id) && newHits.map(\.score) == oldHits.map(\.score), "\(query)")
        }
        // The old block is decoded whole, as before; both scrub clean.
        #expect(old.counters.decoded.contains(SegmentFormat.BlockKind.lexical.rawValue))
        #expect(old.counters.postingListsRead.load(ordering: .relaxed) == 0)
        try old.verify()
        try perTerm.verify()
    }

    @Test func aFlippedPostingByteFailsTheSearchWithTheListOffset() throws {
        let directory = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let texts = Self.texts(800, seed: 31)
        let intact = try Self.segment(texts, in: directory)
        let path = intact.path
        let index = try #require(try intact.rows.lexical() as? SegmentLexicalIndex)
        let position = try #require(try index.find("w42"))
        let entry = index.entry(position)
        #expect(entry.postingCount > 1)
        let listOffset = index.postingsOffset + entry.postingStart * SegmentLexicalIndex.postingBytes
        let damaged = listOffset + entry.postingCount * SegmentLexicalIndex.postingBytes / 2
        try StoreTestSupport.flipByte(at: damaged, in: path)

        let segment = try SegmentReader(path: path, fileNumber: 1, schema: Self.schema)
        // Other terms' lists still read; the damaged one fails the search that reads it.
        #expect(try !Self.search("w41", in: [segment.source]).isEmpty)
        do {
            _ = try Self.search("w41 w42", in: [segment.source])
            Issue.record("a search reading the damaged list succeeded")
        } catch {
            #expect(error.code == .corruption && error.file == path && error.offsetBytes == listOffset)
        }
        // The scrub finds it too (first by the postings block's checksum).
        let scrubbed = #expect(throws: StoreError.self) {
            try SegmentReader(path: path, fileNumber: 1, schema: Self.schema).verify()
        }
        #expect(scrubbed?.code == .corruption && scrubbed?.file == path)
        #expect(scrubbed?.offsetBytes == index.postingsOffset)
        // And the index's own scrub names the list.
        let reopened = try SegmentReader(path: path, fileNumber: 1, schema: Self.schema)
        let damagedIndex = try #require(try reopened.rows.lexical() as? SegmentLexicalIndex)
        let listError = #expect(throws: StoreError.self) { try damagedIndex.verify() }
        #expect(listError?.offsetBytes == listOffset)
    }

    @Test(arguments: [4, 5] as [UInt64])
    func compactionKeepsThePostingsOfItsRows(seed: UInt64) async throws {
        var generator = SeededGenerator(seed: seed)
        let store = LocalStore(
            root: StoreTestSupport.temporaryDirectory(),
            options: StoreOptions(compactionFanIn: 2, compactionBytesPerSecond: 0)
        )
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(Self.info)
        let queries = ["w5", "w7 w9", "risk lease", "société", "w100 w200 w300"]
        for _ in 0..<4 {
            let texts = Self.texts(60, seed: generator.next())
            try await collection.upsert(
                texts.map { text in
                    let id = Int.random(in: 0..<150, using: &generator)
                    return Document(id: "d\(id)", fields: ["body": .string(text)], vectors: ["v": [1, 2]])
                }
            )
            try await collection.delete((0..<6).map { _ in "d\(Int.random(in: 0..<150, using: &generator))" })
            try await collection.commit()
        }
        try await collection.waitForMaintenance()
        let segments = await collection.segments
        #expect(segments.count < 4, "fan-in 2 compacted the flushed segments")
        for segment in segments {
            let index = try #require(try segment.rows.lexical() as? SegmentLexicalIndex)
            let reanalysed = LexicalReuseTests.reanalysed(segment.source)
            #expect(try LexicalContents(index) == LexicalContents(reanalysed))
            try segment.verify()
        }
        // The same documents in memory alone rank the same.
        let documents = await collection.documents()
        let rows = try documents.enumerated().map { index, document in
            StoredRow(sequence: UInt64(index + 1), record: try Self.schema.row(for: document), writtenAtMs: 1_000)
        }
        let memory = SearchSource(rows: rows, schema: Self.schema)
        for query in queries {
            let stored = try await collection.search(SearchRequest(vector: nil, text: query, k: 8, mode: .lexical))
            let inMemory = try Self.search(query, in: [memory], k: 8)
            #expect(stored.map(\.score) == inMemory.map(\.score), "\(query)")
        }
    }
}
