import Foundation

/// BERT's uncased WordPiece tokenizer: `BasicTokenizer` words split greedily into the longest
/// vocabulary pieces, continuation pieces spelt with a `##` prefix, framed as `[CLS] … [SEP]`.
///
/// A word longer than `wordScalarsMax` scalars, or one with no complete split, becomes `[UNK]`.
/// Vocabulary entries are compared as UTF-8 bytes (never by Swift's canonical string equivalence), and
/// a duplicated entry maps to its last line, as in Hugging Face's loader.
struct WordPieceTokenizer: Sendable {
    /// Longest word split into pieces, in Unicode scalars; longer words become `[UNK]`.
    static let wordScalarsMax = 100

    /// Word-initial pieces: UTF-8 bytes → id.
    private let initialPieces: [[UInt8]: Int32]
    /// Continuation pieces without their `##` prefix: UTF-8 bytes → id.
    private let continuationPieces: [[UInt8]: Int32]
    let unknownID: Int32
    let classID: Int32
    let separatorID: Int32
    /// Number of lines in the vocabulary file (ids are `0..<vocabularySize`).
    let vocabularySize: Int

    /// Loads `vocab.txt` (one piece per line, the line number is the id).
    ///
    /// - Throws: `EmbeddingError` naming the file: `permanent` when missing, `corruption` when it is
    ///   not UTF-8 or lacks `[UNK]`, `[CLS]` or `[SEP]`.
    init(vocabularyPath path: String, model: String) throws(EmbeddingError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EmbeddingError(code: .permanent, model: model, message: "missing or unreadable", file: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw EmbeddingError(code: .corruption, model: model, message: "not UTF-8 text", file: path)
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var initial: [[UInt8]: Int32] = [:]
        var continuation: [[UInt8]: Int32] = [:]
        for (index, line) in lines.enumerated() {
            var bytes = Array(line.utf8)
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
            initial[bytes] = Int32(index)
            if bytes.count > 2, bytes[0] == UInt8(ascii: "#"), bytes[1] == UInt8(ascii: "#") {
                continuation[Array(bytes.dropFirst(2))] = Int32(index)
            }
        }
        func special(_ token: String) throws(EmbeddingError) -> Int32 {
            guard let id = initial[Array(token.utf8)] else {
                throw EmbeddingError(code: .corruption, model: model, message: "no \(token) entry", file: path)
            }
            return id
        }
        unknownID = try special("[UNK]")
        classID = try special("[CLS]")
        separatorID = try special("[SEP]")
        initialPieces = initial
        continuationPieces = continuation
        vocabularySize = lines.count
    }

    /// The ids of `text` framed as `[CLS] … [SEP]`, truncated to `tokensMax` ids including the two
    /// specials. An input with no word yields just `[CLS] [SEP]`.
    func encode(_ text: String, tokensMax: Int) -> [Int32] {
        precondition(tokensMax >= 2, "tokensMax must leave room for [CLS] and [SEP]")
        let budget = tokensMax - 2
        var ids: [Int32] = [classID]
        ids.reserveCapacity(min(tokensMax, text.utf8.count + 2))
        for word in BasicTokenizer.words(text) {
            appendPieces(of: word, to: &ids)
            if ids.count - 1 >= budget { break }
        }
        if ids.count - 1 > budget { ids.removeLast(ids.count - 1 - budget) }
        ids.append(separatorID)
        return ids
    }

    /// Greedy longest-match-first split of one word.
    private func appendPieces(of word: [Unicode.Scalar], to ids: inout [Int32]) {
        guard word.count <= Self.wordScalarsMax else {
            ids.append(unknownID)
            return
        }
        // UTF-8 bytes of the word and the byte offset at which each scalar starts (plus the end).
        var bytes: [UInt8] = []
        var boundaries: [Int] = [0]
        for scalar in word {
            UTF8.encode(scalar) { bytes.append($0) }
            boundaries.append(bytes.count)
        }
        var pieces: [Int32] = []
        var start = 0
        while start < word.count {
            var end = word.count
            var found: Int32?
            while start < end {
                let piece = Array(bytes[boundaries[start]..<boundaries[end]])
                found = start == 0 ? initialPieces[piece] : continuationPieces[piece]
                if found != nil { break }
                end -= 1
            }
            guard let id = found else {
                ids.append(unknownID)
                return
            }
            pieces.append(id)
            start = end
        }
        ids.append(contentsOf: pieces)
    }
}
