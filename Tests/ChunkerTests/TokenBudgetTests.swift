import Chunker
import SECModel
import Testing

/// Chunks shortened to an embedder's token limit: every chunk fits, the usual invariants still hold,
/// and nothing changes when chunks already fit.
@Suite struct TokenBudgetTests {
    /// Counts whitespace-separated words plus 2 for `[CLS]`/`[SEP]`, like a tokenizer would.
    static let words = TokenBudget(maxTokens: 40) { text in text.split(whereSeparator: \.isWhitespace).count + 2 }

    @Test(arguments: 0..<10)
    func everyChunkFitsTheBudgetAndKeepsTheInvariants(seed: Int) throws {
        let document = FixedWindowChunkerTests.document(seed: seed)
        let filing = try FixedWindowChunkerTests.filing()
        let chunker = try FixedWindowChunker(maxChars: 1_200, overlapChars: 100, tokenBudget: Self.words)
        let chunks = chunker.chunks(of: document, filing: filing)
        #expect(!chunks.isEmpty)
        let scalars = Array(document.canonicalText.unicodeScalars)
        for chunk in chunks {
            #expect(Self.words.countTokens(chunk.text) <= 40, "\(chunk.id)")
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[chunk.citation.charStart..<chunk.citation.charEnd])
            #expect(String(text) == chunk.text)
            #expect(chunk.text.first?.isWhitespace == false && chunk.text.last?.isWhitespace == false)
        }
        // Every word of every section is in some chunk (shortened windows leave no gaps).
        let plain = try FixedWindowChunker(maxChars: 1_200, overlapChars: 100).chunks(of: document, filing: filing)
        for section in document.sections {
            let covered = chunks.filter { $0.citation.item == section.key }
            let last = try #require(covered.last)
            let plainLast = try #require(plain.last { $0.citation.item == section.key })
            #expect(last.citation.charEnd == plainLast.citation.charEnd)
            for (first, second) in zip(covered, covered.dropFirst()) {
                #expect(second.citation.charStart <= first.citation.charEnd, "gap after \(first.id)")
            }
        }
    }

    @Test func aGenerousBudgetChangesNothing() throws {
        let document = FixedWindowChunkerTests.document(seed: 3)
        let filing = try FixedWindowChunkerTests.filing()
        let generous = TokenBudget(maxTokens: 10_000) { $0.split(whereSeparator: \.isWhitespace).count + 2 }
        let budgeted = try FixedWindowChunker(tokenBudget: generous).chunks(of: document, filing: filing)
        let plain = try FixedWindowChunker().chunks(of: document, filing: filing)
        #expect(budgeted.map(\.citation.charStart) == plain.map(\.citation.charStart))
        #expect(budgeted.map(\.citation.charEnd) == plain.map(\.citation.charEnd))
    }
}
