/// The BM25 index of one source as searches and compactions read it: per term the rows holding it
/// with their term frequency, per row its length in terms. Two forms conform: `LexicalPostings`,
/// in memory (a memtable, or a segment's whole kind-5 block of earlier versions), and
/// `SegmentLexicalIndex`, read per term from a segment's mapping without decoding the rest.
///
/// Invariants: every posting list is in ascending row order, each row at most once, every row
/// `< rowCount`; `lengthSum` is the sum of the `rowCount` lengths.
protocol LexicalIndex: Sendable {
    /// Rows indexed (the source's row count).
    var rowCount: Int { get }
    /// Terms of all rows together.
    var lengthSum: UInt64 { get }
    /// Calls `body` with the `rowCount` row lengths (in terms), in row order.
    func withLengths<R>(_ body: (UnsafeBufferPointer<UInt32>) -> R) -> R
    /// The posting list of `term` (an analysed, bounded term), empty when no row holds it.
    ///
    /// - Throws: `StoreError.corruption` with the file and offset when a stored list fails its check.
    func postings(for term: String) throws(StoreError) -> [LexicalPostings.Posting]
    /// Calls `body` with every term and its posting list (compaction; tests). Terms come in UTF-8
    /// byte order from a segment, in no particular order from memory.
    ///
    /// - Throws: `StoreError.corruption` as `postings(for:)`.
    func forEachTerm(_ body: (String, [LexicalPostings.Posting]) -> Void) throws(StoreError)
}

extension LexicalIndex {
    /// The length in terms of one row (`< rowCount`).
    func length(_ row: Int) -> UInt32 { withLengths { $0[row] } }
}

extension LexicalPostings: LexicalIndex {
    var rowCount: Int { lengths.count }

    func withLengths<R>(_ body: (UnsafeBufferPointer<UInt32>) -> R) -> R { lengths.withUnsafeBufferPointer(body) }

    func postings(for term: String) -> [Posting] { postings[term] ?? [] }

    func forEachTerm(_ body: (String, [Posting]) -> Void) {
        for (term, list) in postings { body(term, list) }
    }
}
