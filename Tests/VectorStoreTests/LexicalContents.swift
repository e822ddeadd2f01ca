@testable import VectorStore

/// Everything a `LexicalIndex` holds, read through the protocol (every term, every row length), so
/// an index in memory and one read from a segment's mapping compare as values.
struct LexicalContents: Equatable, CustomStringConvertible {
    var postings: [String: [LexicalPostings.Posting]] = [:]
    var lengths: [UInt32]
    var lengthSum: UInt64

    init(_ index: any LexicalIndex) throws {
        lengths = index.withLengths { Array($0) }
        lengthSum = index.lengthSum
        var postings: [String: [LexicalPostings.Posting]] = [:]
        try index.forEachTerm { term, list in postings[term] = list }
        self.postings = postings
    }

    var description: String { "\(postings.count) terms, \(lengths.count) rows, \(lengthSum) terms in all" }
}
