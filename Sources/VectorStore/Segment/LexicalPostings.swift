/// The inverted index of one source (segment or memtable) for BM25: per term, the rows holding it
/// with their term frequency; per row, its length in terms. Scoring across sources, with statistics
/// over the live rows of all of them, is in `CollectionSnapshot+Lexical.swift`. A segment stores
/// it in the per-term blocks of `SegmentLexicalIndex` (kind 5, `encode`, in earlier segments).
struct LexicalPostings: Sendable, Equatable {
    struct Posting: Sendable, Equatable {
        var row: UInt32
        var termFrequency: UInt16
    }

    private(set) var postings: [String: [Posting]] = [:]
    private(set) var lengths: [UInt32] = []
    /// The sum of `lengths`.
    private(set) var lengthSum: UInt64 = 0

    /// Upper bound of one term's UTF-8 bytes; longer runs of letters are cut (they are not words).
    static let termBytesMax = 256

    /// One row's analysed text: its distinct terms (bounded to `termBytesMax`) with their
    /// frequencies, and its length in terms. Computed once per written row (`MemTable`), so
    /// snapshots and flushes build postings without tokenizing again.
    struct Analyzed: Sendable, Equatable {
        struct TermCount: Sendable, Equatable {
            var term: String
            var count: UInt16
        }

        var terms: [TermCount]
        var length: UInt32

        init(_ text: String, analyzer: TextAnalyzer) {
            let all = LexicalAnalyzer.terms(of: text, analyzer: analyzer)
            var frequencies: [String: Int] = [:]
            for term in all { frequencies[LexicalPostings.bounded(term), default: 0] += 1 }
            terms = frequencies.map { TermCount(term: $0.key, count: UInt16(min($0.value, Int(UInt16.max)))) }
            length = UInt32(all.count)
        }

        /// Approximate heap bytes (memtable accounting).
        var estimatedBytes: Int { terms.reduce(16) { $0 + $1.term.utf8.count + 24 } }
    }

    /// The postings of rows `0..<texts.count`, tokenizing each text with `analyzer`.
    init(texts: [String], analyzer: TextAnalyzer) {
        self.init(analyzed: texts.map { Analyzed($0, analyzer: analyzer) })
    }

    /// The postings of rows already analysed, row `i` being `analyzed[i]`.
    init(analyzed: [Analyzed]) {
        lengths.reserveCapacity(analyzed.count)
        for (row, document) in analyzed.enumerated() {
            for entry in document.terms {
                postings[entry.term, default: []].append(Posting(row: UInt32(row), termFrequency: entry.count))
            }
            lengths.append(document.length)
            lengthSum += UInt64(document.length)
        }
    }

    /// The postings of a compaction's output without tokenizing again: output row `i` copies row
    /// `origins[i].row` of input `origins[i].input`, whose postings are `inputs[input]` (in memory or
    /// read term by term from a segment).
    ///
    /// - Throws: `StoreError.corruption` when an input's stored postings fail their checks.
    init(merging inputs: [any LexicalIndex], origins: [(input: Int, row: Int)]) throws(StoreError) {
        var outputRows = inputs.map { [Int32](repeating: -1, count: $0.rowCount) }
        lengths = origins.map { inputs[$0.input].length($0.row) }
        lengthSum = lengths.reduce(0) { $0 + UInt64($1) }
        for (output, origin) in origins.enumerated() { outputRows[origin.input][origin.row] = Int32(output) }
        var merged: [String: [Posting]] = [:]
        for (input, lexical) in inputs.enumerated() {
            try lexical.forEachTerm { term, list in
                for posting in list {
                    let output = outputRows[input][Int(posting.row)]
                    guard output >= 0 else { continue }
                    merged[term, default: []].append(
                        Posting(row: UInt32(output), termFrequency: posting.termFrequency)
                    )
                }
            }
        }
        // Inputs interleave in the output (rows are in sequence order): each list in row order.
        for (term, list) in merged where zip(list, list.dropFirst()).contains(where: { $0.row > $1.row }) {
            merged[term] = list.sorted { $0.row < $1.row }
        }
        postings = merged
    }

    private init(postings: [String: [Posting]], lengths: [UInt32]) {
        self.postings = postings
        self.lengths = lengths
        lengthSum = lengths.reduce(0) { $0 + UInt64($1) }
    }

    /// `term` cut to at most `termBytesMax` UTF-8 bytes, at a scalar boundary (so the cut term is
    /// valid UTF-8 of at most that length).
    static func bounded(_ term: String) -> String {
        let utf8 = Array(term.utf8)
        guard utf8.count > termBytesMax else { return term }
        var end = termBytesMax
        while end > 0, utf8[end] & 0xC0 == 0x80 { end -= 1 }
        return String(decoding: utf8[..<end], as: UTF8.self)
    }

    /// The kind-5 block of earlier segments: `rowCount u32 | rowCount × length u32 | termCount u32 |
    /// per term (sorted): term (u16 + UTF-8), postingCount u32, postingCount × (row u32,
    /// termFrequency u16)`. Written only by `SegmentWriter`'s `.wholeBlock` layout (tests of that
    /// format); read by `decode`.
    func encode() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.appendLittleEndian(UInt32(lengths.count))
        for length in lengths { bytes.appendLittleEndian(length) }
        bytes.appendLittleEndian(UInt32(postings.count))
        for term in postings.keys.sorted() {
            let list = postings[term] ?? []
            bytes.appendShortString(term)
            bytes.appendLittleEndian(UInt32(list.count))
            for posting in list {
                bytes.appendLittleEndian(posting.row)
                bytes.appendLittleEndian(posting.termFrequency)
            }
        }
        return bytes
    }

    /// Decodes `encode()`'s bytes, checking every row number against `rowCount`.
    static func decode(_ bytes: [UInt8], rowCount: Int) -> LexicalPostings? {
        var reader = ByteReader(bytes)
        guard let rows = reader.readUInt32(), Int(rows) == rowCount, reader.remaining >= rowCount * 4 else {
            return nil
        }
        var lengths: [UInt32] = []
        lengths.reserveCapacity(rowCount)
        for _ in 0..<rowCount {
            guard let length = reader.readUInt32() else { return nil }
            lengths.append(length)
        }
        guard let termCount = reader.readUInt32() else { return nil }
        var postings: [String: [Posting]] = [:]
        postings.reserveCapacity(Int(min(termCount, 1 << 20)))
        for _ in 0..<termCount {
            guard let term = reader.readShortString(), let count = reader.readUInt32(),
                Int(count) * 6 <= reader.remaining
            else { return nil }
            var list: [Posting] = []
            list.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let row = reader.readUInt32(), Int(row) < rowCount, let frequency = reader.readUInt16() else {
                    return nil
                }
                list.append(Posting(row: row, termFrequency: frequency))
            }
            postings[term] = list
        }
        guard reader.remaining == 0 else { return nil }
        return LexicalPostings(postings: postings, lengths: lengths)
    }
}
