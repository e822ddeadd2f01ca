/// The inverted index of one source (segment or memtable) for BM25: per term, the rows holding it
/// with their term frequency; per row, its length in terms. Scoring across sources, with statistics
/// over the live rows of all of them, is in `CollectionSnapshot+Lexical.swift`.
struct LexicalPostings: Sendable, Equatable {
    struct Posting: Sendable, Equatable {
        var row: UInt32
        var termFrequency: UInt16
    }

    private(set) var postings: [String: [Posting]] = [:]
    private(set) var lengths: [UInt32] = []

    /// Upper bound of one term's UTF-8 bytes; longer runs of letters are cut (they are not words).
    static let termBytesMax = 256

    init(texts: [String]) {
        lengths.reserveCapacity(texts.count)
        for (row, text) in texts.enumerated() {
            var frequencies: [String: Int] = [:]
            let terms = LexicalAnalyzer.terms(of: text)
            for term in terms { frequencies[Self.bounded(term), default: 0] += 1 }
            for (term, count) in frequencies {
                postings[term, default: []].append(
                    Posting(row: UInt32(row), termFrequency: UInt16(min(count, Int(UInt16.max))))
                )
            }
            lengths.append(UInt32(terms.count))
        }
    }

    private init(postings: [String: [Posting]], lengths: [UInt32]) {
        self.postings = postings
        self.lengths = lengths
    }

    static func bounded(_ term: String) -> String {
        term.utf8.count <= termBytesMax ? term : String(decoding: term.utf8.prefix(termBytesMax), as: UTF8.self)
    }

    /// `rowCount u32 | rowCount × length u32 | termCount u32 | per term (sorted): term (u16 + UTF-8),
    /// postingCount u32, postingCount × (row u32, termFrequency u16)`.
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
