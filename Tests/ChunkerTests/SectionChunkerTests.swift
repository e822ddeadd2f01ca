import Chunker
import SECModel
import Testing

@Suite struct SectionChunkerTests {
    typealias Support = ChunkerTestSupport

    @Test func shortSectionsAreChunksOfTheirOwn() throws {
        let document = Support.document([
            ("cover", ["FORM 10-K"]), ("1", ["Item 1. Business", "We make chips."]), ("1A", ["   "]),
            ("2", ["Item 2. Properties", "None."]),
        ])
        let chunks = try SectionChunker(counter: WordCounter()).chunks(of: document, filing: try Support.filing())
        #expect(
            chunks.map(\.chunk.id) == [
                "0001999901-25-000004:cover:0", "0001999901-25-000004:1:0", "0001999901-25-000004:2:0",
            ]
        )
        #expect(
            chunks.map(\.chunk.text) == [
                "FORM 10-K", "Item 1. Business\n\nWe make chips.", "Item 2. Properties\n\nNone.",
            ]
        )
        #expect(
            chunks[1].embeddingInput
                == "Harbor Ridge 10-K fiscal 2024, Item 1 Title 1\nItem 1. Business\n\nWe make chips."
        )
        #expect(chunks[0].embeddingInput.hasPrefix("Harbor Ridge 10-K fiscal 2024, cover page\n"))
        #expect(chunks[1].tokenCount == WordCounter().tokenCount(chunks[1].embeddingInput))
        for measured in chunks {
            #expect(measured.chunk.tokenCount == measured.tokenCount)
            #expect(measured.chunk.contentHash == SHA256.hex(of: measured.chunk.text))
        }
    }

    @Test func longParagraphsAreCutAtSentencesAndOverlap() throws {
        let paragraph = Support.paragraph("a", sentences: 12, words: 10)
        let document = Support.document([("7", ["Item 7. MD&A", paragraph])])
        let chunker = try SectionChunker(maxTokens: 50, overlapTokens: 12, counter: WordCounter())
        let chunks = chunker.chunks(of: document, filing: try Support.filing())
        #expect(chunks.count > 3)
        for (previous, next) in zip(chunks, chunks.dropFirst()) {
            #expect(next.tokenCount <= 50)
            let shared = previous.chunk.citation.charEnd - next.chunk.citation.charStart
            #expect(shared > 0, "a cut inside a paragraph overlaps")
            let overlap = Support.slice(document, next.chunk.citation.charStart, previous.chunk.citation.charEnd)
            #expect(WordCounter().tokenCount(overlap) - 2 <= 12)
            #expect(previous.chunk.text.hasSuffix("."), "cut at a sentence end: \(previous.chunk.text)")
            #expect(next.chunk.text.hasPrefix("Sentence"), "overlap starts at a sentence: \(next.chunk.text)")
        }
    }

    @Test func aTableThatFitsIsKeptWholeAndMovesWithItsHeading() throws {
        let lead = Support.paragraph("b", sentences: 3, words: 9)
        let table = Support.table("c", rows: 5)
        let document = Support.document([("8", [lead, "Selected data", table, "After the table."])])
        let chunks = try SectionChunker(maxTokens: 64, overlapTokens: 8, counter: WordCounter()).chunks(
            of: document,
            filing: try Support.filing()
        )
        #expect(chunks.contains { $0.chunk.text.contains(table) })
        #expect(chunks.contains { $0.chunk.text.hasPrefix("Selected data\n\n" + table) })
        #expect(chunks.allSatisfy { $0.repeatedHeader == nil })
    }

    @Test func aLargeTableIsSplitByRowsWithItsHeaderRepeated() throws {
        let table = Support.table("d", rows: 40)
        let rows = table.split(separator: "\n").map(String.init)
        let document = Support.document([("8", ["Item 8. Financial Statements", table])])
        let chunker = try SectionChunker(maxTokens: 60, overlapTokens: 10, counter: WordCounter())
        let chunks = chunker.chunks(of: document, filing: try Support.filing())
        let continued = chunks.filter { $0.repeatedHeader != nil }
        #expect(continued.count >= 2)
        for chunk in chunks {
            #expect(chunk.tokenCount <= 60)
            #expect(
                Support.slice(document, chunk.chunk.citation.charStart, chunk.chunk.citation.charEnd)
                    == chunk.chunk.text
            )
        }
        for chunk in continued {
            #expect(chunk.repeatedHeader == rows[0])
            #expect(chunk.embeddingInput.contains("\n\(rows[0])\n\(chunk.chunk.text)"))
            let lines = chunk.chunk.text.split(separator: "\n").map(String.init)
            #expect(lines.allSatisfy { rows.contains($0) }, "pieces hold whole rows: \(lines)")
            #expect(!chunk.chunk.text.hasPrefix(rows[0]))
        }
        for (previous, next) in zip(chunks, chunks.dropFirst()) {
            #expect(next.chunk.citation.charStart > previous.chunk.citation.charEnd, "row cuts do not overlap")
        }
    }

    @Test func aRunLongerThanAChunkIsCutInsideOnlyThen() throws {
        let run = String(repeating: "-", count: 500)
        let document = Support.document([("1", ["Item 1. Business", "before \(run) after"])])
        let counter = ApproximateTokenCounter()
        let chunks = try SectionChunker(maxTokens: 64, overlapTokens: 0, counter: counter).chunks(
            of: document,
            filing: try Support.filing()
        )
        #expect(chunks.allSatisfy { $0.tokenCount <= 64 })
        #expect(chunks.map(\.chunk.text).joined().filter { $0 == "-" }.count == 500)
        #expect(chunks.first?.chunk.text.hasPrefix("Item 1. Business\n\nbefore -") == true)
        #expect(chunks.last?.chunk.text.hasSuffix("- after") == true)
        for (previous, next) in zip(chunks, chunks.dropFirst()) {
            // Cuts inside the run fall between two dashes, never inside a word.
            #expect(previous.chunk.text.last == "-" && next.chunk.text.first == "-")
        }
    }

    @Test func idsAndChunksAreDeterministic() throws {
        let document = Support.document([
            ("1", ["Item 1", Support.paragraph("e", sentences: 30, words: 7), Support.table("f", rows: 30)]),
            ("1A", ["Item 1A", Support.paragraph("g", sentences: 20, words: 11)]),
        ])
        let chunker = try SectionChunker(maxTokens: 80, overlapTokens: 16, counter: ApproximateTokenCounter())
        let first = chunker.chunks(of: document, filing: try Support.filing())
        let second = chunker.chunks(of: document, filing: try Support.filing())
        #expect(first == second)
        for key in ["1", "1A"] {
            let ids = first.filter { $0.chunk.citation.item == key }.map(\.chunk.id)
            #expect(ids == ids.indices.map { "0001999901-25-000004:\(key):\($0)" })
        }
    }

    @Test func rejectsInvalidSettings() {
        #expect(throws: ChunkerError.self) { try SectionChunker(maxTokens: 8, counter: WordCounter()) }
        #expect(throws: ChunkerError.self) {
            try SectionChunker(maxTokens: 64, overlapTokens: 32, counter: WordCounter())
        }
        #expect(throws: ChunkerError.self) {
            try SectionChunker(maxTokens: 64, overlapTokens: -1, counter: WordCounter())
        }
    }

    @Test func approximateCountsSplitLikeBERT() {
        let counter = ApproximateTokenCounter()
        #expect(counter.tokenCount("") == 2)
        #expect(counter.tokenCount("Revenue grew 12%.") == 2 + 1 + 1 + 1 + 1 + 1)
        #expect(counter.tokenCount("$1,234") == 2 + 4)
        #expect(counter.tokenCount("semiconductors") == 2 + 2)
    }
}
