import Chunker
import SECModel
import Testing

/// Chunks of tables: caption and header rows repeated in the embedding input of the chunks that start
/// inside a table, rows kept whole, the stored text still exactly the cited span.
@Suite struct TableChunkTests {
    typealias Support = ChunkerTestSupport

    static let caption = "The following table shows net sales by region (dollars in millions):"
    static let headerRows = ["Year ended December 31,", "Region | 2024 | Change | 2023"]

    /// A table with two header rows, a group label and `rows` body rows of four cells.
    static func table(rows: Int) -> String {
        (headerRows + ["Net sales:"] + (0..<rows).map { "Region\($0) | $\($0),1\($0) | \($0)% | (\($0)4)" })
            .joined(separator: "\n")
    }

    static func chunks(_ document: ParsedDocument, maxTokens: Int, overlapTokens: Int = 8) throws -> [MeasuredChunk] {
        try SectionChunker(maxTokens: maxTokens, overlapTokens: overlapTokens, counter: WordCounter()).chunks(
            of: document,
            filing: try Support.filing()
        )
    }

    @Test func aSplitTableRepeatsItsCaptionAndHeaderRowsInTheEmbeddingInputOnly() throws {
        let table = Self.table(rows: 40)
        let lead = Support.paragraph("a", sentences: 2, words: 12)
        let document = Support.document([
            ("7", ["Item 7. MD&A", lead, "Regional Performance", Self.caption, table, "After the table."])
        ])
        // 96 tokens: a quarter (24) holds the caption (11 words) and the header rows (11).
        let chunks = try Self.chunks(document, maxTokens: 96)
        let tableRows = Set(table.split(separator: "\n").map(String.init))
        let inTable = chunks.filter { $0.chunk.text.split(separator: "\n").contains { tableRows.contains(String($0)) } }
        #expect(inTable.count >= 3)
        // The table starts a chunk with its caption and the heading before it, kept in its text.
        #expect(inTable[0].chunk.text.hasPrefix("Regional Performance\n\n\(Self.caption)\n\n\(Self.headerRows[0])"))
        #expect(inTable[0].repeatedCaption == nil && inTable[0].repeatedHeader == nil)
        for measured in inTable.dropFirst() {
            #expect(measured.repeatedCaption == Self.caption)
            #expect(measured.repeatedHeader == Self.headerRows.joined(separator: "\n"), "the group label is body")
            #expect(
                measured.embeddingInput
                    == "Harbor Ridge 10-K fiscal 2024, Item 7 Title 7\n\(Self.caption)\n"
                    + Self.headerRows.joined(separator: "\n") + "\n" + measured.chunk.text
            )
            #expect(measured.tokenCount == WordCounter().tokenCount(measured.embeddingInput))
            #expect(measured.tokenCount <= 96)
        }
        for measured in chunks {
            let citation = measured.chunk.citation
            #expect(Support.slice(document, citation.charStart, citation.charEnd) == measured.chunk.text)
        }
        // Every body row is stored verbatim in some chunk.
        for row in tableRows where row.hasPrefix("Region") && row.contains("$") {
            #expect(chunks.contains { $0.chunk.text.split(separator: "\n").contains(Substring(row)) }, "\(row)")
        }
    }

    @Test func aTableThatFitsStartsAChunkWithItsCaptionAndRepeatsNothing() throws {
        let table = Self.table(rows: 4)
        let lead = Support.paragraph("b", sentences: 4, words: 9)
        let document = Support.document([("8", [lead, Self.caption, table])])
        let chunks = try Self.chunks(document, maxTokens: 80)
        #expect(chunks.map(\.chunk.text).last == Self.caption + "\n\n" + table)
        #expect(chunks.allSatisfy { $0.repeatedCaption == nil && $0.repeatedHeader == nil })
    }

    @Test func theCaptionIsTheClosingSentenceOfAParagraphEndingInAColon() throws {
        let opening = Support.paragraph("c", sentences: 3, words: 8)
        let table = Self.table(rows: 20)
        let document = Support.document([("8", [opening + " " + Self.caption, table])])
        let chunks = try Self.chunks(document, maxTokens: 96)
        #expect(chunks.count >= 3)
        #expect(chunks[0].chunk.text == opening, "the table starts a chunk with its caption")
        #expect(chunks[1].chunk.text.hasPrefix(Self.caption + "\n\n" + Self.headerRows[0]))
        #expect(chunks.dropFirst(2).allSatisfy { $0.repeatedCaption == Self.caption })
        #expect(chunks[1].chunk.citation.charStart == chunks[0].chunk.citation.charEnd + 1, "no overlap")
    }

    @Test func rowsAreNotSplitUnlessLongerThanAChunk() throws {
        // 49 tokens for text (60 less the context line and special tokens) and rows of 40 words after
        // a short paragraph: the last word that fits lies inside the first row, and no row boundary
        // leaves the chunk half full. The cut moves back to the row's start instead.
        let lead = "Amounts are shown in thousands."
        let header = "Name | Detail | Amount"
        let rows = (0..<6).map { row in
            "Item\(row) | " + (0..<36).map { "w\(row)x\($0)" }.joined(separator: " ") + " | $\(row),000"
        }
        let long = "Long | " + (0..<90).map { "l\($0)" }.joined(separator: " ") + " | $1"
        let table = ([header] + rows + [long]).joined(separator: "\n")
        let document = Support.document([("8", [lead, table])])
        let chunks = try Self.chunks(document, maxTokens: 60)
        #expect(chunks[0].chunk.text == lead + "\n\n" + header)
        let whole = Set(rows + [header, lead])
        func holdsLongRow(_ measured: MeasuredChunk) -> Bool {
            measured.chunk.text.split(whereSeparator: \.isWhitespace).contains {
                $0.count > 1 && $0.hasPrefix("l") && $0.dropFirst().allSatisfy(\.isNumber)
            }
        }
        for measured in chunks where !holdsLongRow(measured) {
            let lines = measured.chunk.text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
            #expect(lines.allSatisfy(whole.contains), "a row was cut: \(lines)")
            #expect(measured.tokenCount <= 60)
        }
        // The row longer than a chunk is cut inside; its pieces repeat the header and cover it all.
        let pieces = chunks.filter(holdsLongRow)
        #expect(pieces.count >= 2)
        #expect(pieces.allSatisfy { $0.repeatedHeader == header })
        #expect(pieces.last?.chunk.text.hasSuffix("l89 | $1") == true)
    }

    @Test func aTableStartingWithAnAmountRowHasNoHeaderToRepeat() throws {
        let table = (0..<40).map { "20\($0 + 10) | $\($0),500" }.joined(separator: "\n")
        let document = Support.document([("8", ["Future payments", table])])
        let chunks = try Self.chunks(document, maxTokens: 40)
        #expect(chunks.count >= 3)
        #expect(chunks.allSatisfy { $0.repeatedHeader == nil })
        #expect(chunks.dropFirst().allSatisfy { $0.repeatedCaption == "Future payments" })
    }

    @Test func headingsAtTheEndOfASectionMakeNoChainOfOverlappingChunks() throws {
        // Seen on a 10-K cover: a cut between two headings before a table (here where the caption's
        // three headings start) overlapped back into the text before it, and each following chunk
        // ended at the same heading again, one word later.
        let document = Support.document([
            (
                "cover",
                [
                    Support.paragraph("d", sentences: 6, words: 9), "Annual report",
                    "Documents incorporated by reference: None", "FORM 10-K", "DECEMBER 31, 2015",
                    Support.table("e", rows: 20),
                ]
            )
        ])
        let chunks = try Self.chunks(document, maxTokens: 48, overlapTokens: 16)
        for (previous, next) in zip(chunks, chunks.dropFirst()) {
            #expect(next.chunk.citation.charEnd > previous.chunk.citation.charEnd, "\(next.chunk.text)")
        }
        #expect(chunks.filter { $0.chunk.text.hasSuffix("None") }.count <= 1)
    }
}
