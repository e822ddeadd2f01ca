import Chunker
import SECModel
import Testing

@Suite struct FixedWindowChunkerTests {
    static func filing() throws -> FilingMetadata {
        let cik = try #require(CIK("1999901"))
        let accession = try #require(AccessionNumber("0001999901-25-000004"))
        return FilingMetadata(
            cik: cik,
            companyName: "Harbor Ridge Semiconductor, Inc.",
            tickers: ["HRSC"],
            form: .tenK,
            accession: accession,
            filingDate: try #require(EDGARDate("2025-02-14")),
            reportDate: EDGARDate("2024-12-31"),
            primaryDocument: "hrsc-20241231.htm",
            sourceURL: FilingMetadata.archiveURL(cik: cik, accession: accession, fileName: "hrsc-20241231.htm")
        )
    }

    /// A document of three sections with words of varied length and some non-ASCII scalars.
    static func document(seed: Int) -> ParsedDocument {
        var generator = SplitMix64(seed: UInt64(seed))
        let words = [
            "foundry", "wafer", "capacity", "\u{2014}", "na\u{EF}ve", "revenue", "1,234", "(56)", "\u{1F4C8}", "a",
        ]
        var text = ""
        var sections: [Section] = []
        for (index, key) in ["cover", "1", "1A"].enumerated() {
            if index > 0 { text += "\n\n" }
            let start = text.unicodeScalars.count
            let count = 50 + Int(generator.next() % 600)
            text += (0..<count).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ")
            sections.append(Section(key: key, title: key, charStart: start, charEnd: text.unicodeScalars.count))
        }
        return ParsedDocument(canonicalText: text, sections: sections)
    }

    @Test(arguments: 0..<25)
    func chunksAreExactSlicesWithinOneSection(seed: Int) throws {
        let document = Self.document(seed: seed)
        let chunker = try FixedWindowChunker(maxChars: 300, overlapChars: 60)
        let chunks = chunker.chunks(of: document, filing: try Self.filing())
        #expect(!chunks.isEmpty)
        for chunk in chunks {
            let citation = chunk.citation
            #expect(document.text(charStart: citation.charStart, charEnd: citation.charEnd) == chunk.text)
            #expect(chunk.text.unicodeScalars.count <= 300)
            let section = try #require(document.sections.first { $0.key == citation.item })
            #expect(citation.charStart >= section.charStart && citation.charEnd <= section.charEnd)
            #expect(chunk.text.first?.isWhitespace == false && chunk.text.last?.isWhitespace == false)
        }
        #expect(Set(chunks.map(\.id)).count == chunks.count)
    }

    @Test func everyWordOfASectionIsCovered() throws {
        let document = Self.document(seed: 7)
        let chunks = try FixedWindowChunker(maxChars: 200, overlapChars: 40).chunks(
            of: document,
            filing: try Self.filing()
        )
        for section in document.sections {
            let covered = chunks.filter { $0.citation.item == section.key }.map {
                $0.citation.charStart..<$0.citation.charEnd
            }
            let text = Array(document.canonicalText.unicodeScalars)
            for offset in section.charStart..<section.charEnd where !text[offset].properties.isWhitespace {
                #expect(covered.contains { $0.contains(offset) }, "offset \(offset) of \(section.key) is in no chunk")
            }
        }
    }

    @Test func idsAreDeterministic() throws {
        let chunker = try FixedWindowChunker()
        let first = chunker.chunks(of: Self.document(seed: 3), filing: try Self.filing())
        let second = chunker.chunks(of: Self.document(seed: 3), filing: try Self.filing())
        #expect(first == second)
        #expect(first.first?.id == "0001999901-25-000004:cover:0")
    }

    @Test func rejectsInvalidSettings() {
        #expect(throws: ChunkerError.self) { try FixedWindowChunker(maxChars: 10) }
        #expect(throws: ChunkerError.self) { try FixedWindowChunker(maxChars: 100, overlapChars: 50) }
    }
}

/// A small seeded generator so property tests replay from their seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
