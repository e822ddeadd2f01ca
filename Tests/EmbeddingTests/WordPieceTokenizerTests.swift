import Foundation
import Testing

@testable import Embedding

/// The uncased BERT tokenizer's rules, on a tiny vocabulary (ids are line numbers:
/// 0 [PAD], 1 [UNK], 2 [CLS], 3 [SEP], 4 rev, 5 ##enue, 6 grew, 7 cafe, 8 `,`, 9 `!`, 10 ##s, 11 中).
@Suite struct WordPieceTokenizerTests {
    static func tokenizer() throws -> (WordPieceTokenizer, TinyBertFixture) {
        let fixture = try TinyBertFixture()
        let path = fixture.directory.appendingPathComponent("vocab.txt").path
        return (try WordPieceTokenizer(vocabularyPath: path, model: "tiny"), fixture)
    }

    @Test func piecesPunctuationCaseAndAccents() throws {
        let (tokenizer, fixture) = try Self.tokenizer()
        defer { fixture.remove() }
        #expect(tokenizer.encode("Revenue grew!", tokensMax: 64) == [2, 4, 5, 6, 9, 3])
        #expect(tokenizer.encode("REVENUES,CAFÉ", tokensMax: 64) == [2, 4, 5, 10, 8, 7, 3])
        #expect(tokenizer.encode("Cafe\u{0301}\t\u{00A0}grew", tokensMax: 64) == [2, 7, 6, 3])
        #expect(tokenizer.encode("grew\u{4E2D}grew", tokensMax: 64) == [2, 6, 11, 6, 3])
        #expect(tokenizer.encode("gr\u{0}ew\u{200B}", tokensMax: 64) == [2, 6, 3])
        #expect(tokenizer.encode("", tokensMax: 64) == [2, 3])
    }

    @Test func unknownWordsAndOverlongWordsBecomeUNK() throws {
        let (tokenizer, fixture) = try Self.tokenizer()
        defer { fixture.remove() }
        #expect(tokenizer.encode("revx grew", tokensMax: 64) == [2, 1, 6, 3])
        let long = String(repeating: "rev", count: 33) + "s"
        #expect(tokenizer.encode(long, tokensMax: 64) == [2, 1, 3])
    }

    @Test func truncationKeepsTheSpecials() throws {
        let (tokenizer, fixture) = try Self.tokenizer()
        defer { fixture.remove() }
        let ids = tokenizer.encode(String(repeating: "revenue ", count: 50), tokensMax: 7)
        #expect(ids == [2, 4, 5, 4, 5, 4, 3])
    }
}
