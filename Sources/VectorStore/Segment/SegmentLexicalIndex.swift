import Codecs

/// A segment's BM25 index read term by term from its mapping (blocks 12–14 of format version 3,
/// docs/formats/segment.md): the row lengths and the posting lists are used in place, the term
/// dictionary is verified by its block checksum once, on first use, then searched by binary
/// search comparing UTF-8 bytes in place. A query with t terms reads t posting lists (each checked
/// by its own CRC-32C and its rows' bounds and order when read) after O(t · log terms) probes:
/// nothing proportional to the segment's postings is decoded.
struct SegmentLexicalIndex: LexicalIndex {
    /// Bytes of the dictionary header: `rowCount u32 | termCount u32 | lengthSum u64 |
    /// postingCount u32 | termBytes u32 | reserved u64`.
    static let headerBytes = 32
    /// Bytes of one dictionary entry: `termOffset u32 | termLength u16 | reserved u16 |
    /// postingStart u32 | postingCount u32 | checksum u32`.
    static let entryBytes = 20
    /// Bytes of one posting: `row u32 | termFrequency u16`.
    static let postingBytes = 6

    /// One dictionary entry, decoded.
    struct Entry {
        /// Offset of the term's UTF-8 in the term-bytes area.
        var termOffset: Int
        var termLength: Int
        var reserved: UInt16
        /// Index of the term's first posting in the postings block.
        var postingStart: Int
        var postingCount: Int
        /// CRC-32C of the list's `postingCount × 6` stored bytes.
        var checksum: UInt32
    }

    let blocks: SegmentBlocks
    let rowCount: Int
    let lengthSum: UInt64
    let termCount: Int
    /// Postings of all terms together (the postings block holds `postingCount × 6` bytes).
    let postingCount: Int
    /// Bytes of the term-bytes area (after the entries).
    let termBytesCount: Int
    /// File offsets of the blocks.
    let lengthsOffset: Int
    let dictionaryOffset: Int
    let postingsOffset: Int

    /// Reads the dictionary header, verifying the dictionary block's checksum (once per open
    /// segment) and the three blocks' sizes against it: O(1) besides that checksum.
    ///
    /// - Throws: `StoreError.corruption` with the path and the offset of the block concerned.
    init(blocks: SegmentBlocks) throws(StoreError) {
        self.blocks = blocks
        let lengths = try blocks.entry(SegmentFormat.BlockKind.lexicalLengths.rawValue)
        let postings = try blocks.entry(SegmentFormat.BlockKind.lexicalPostings.rawValue)
        let (dictionary, bytes) = try blocks.verifiedStored(SegmentFormat.BlockKind.lexicalTerms.rawValue)
        guard bytes.count >= Self.headerBytes else {
            throw blocks.corrupt("lexical dictionary is too short", dictionary.offsetBytes)
        }
        let rows = Int(Self.load(UInt32.self, bytes, 0))
        let terms = Int(Self.load(UInt32.self, bytes, 4))
        let totalPostings = Int(Self.load(UInt32.self, bytes, 16))
        let termBytes = Int(Self.load(UInt32.self, bytes, 20))
        guard rows == blocks.rowCount, Self.load(UInt64.self, bytes, 24) == 0,
            Self.headerBytes + terms * Self.entryBytes + termBytes == bytes.count
        else { throw blocks.corrupt("lexical dictionary header does not fit its block", dictionary.offsetBytes) }
        guard lengths.codec == 0, lengths.storedBytes == rows * 4 else {
            throw blocks.corrupt("lexical length block has the wrong size", lengths.offsetBytes)
        }
        guard postings.codec == 0, postings.storedBytes == totalPostings * Self.postingBytes else {
            throw blocks.corrupt("lexical postings block has the wrong size", postings.offsetBytes)
        }
        rowCount = rows
        lengthSum = Self.load(UInt64.self, bytes, 8)
        termCount = terms
        postingCount = totalPostings
        termBytesCount = termBytes
        lengthsOffset = lengths.offsetBytes
        dictionaryOffset = dictionary.offsetBytes
        postingsOffset = postings.offsetBytes
    }

    /// A little-endian integer at `offset` of `bytes` (no alignment needed).
    @inline(__always)
    static func load<T: FixedWidthInteger>(_: T.Type, _ bytes: UnsafeRawBufferPointer, _ offset: Int) -> T {
        T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    private var file: UnsafeRawBufferPointer { blocks.file.bytes }

    /// File offset of dictionary entry `index`.
    func entryOffset(_ index: Int) -> Int { dictionaryOffset + Self.headerBytes + index * Self.entryBytes }

    /// File offset of the term-bytes area.
    var termAreaOffset: Int { entryOffset(termCount) }

    /// Dictionary entry `index` (< `termCount`), as stored (bounds are checked by its users).
    func entry(_ index: Int) -> Entry {
        let offset = entryOffset(index)
        return Entry(
            termOffset: Int(Self.load(UInt32.self, file, offset)),
            termLength: Int(Self.load(UInt16.self, file, offset + 4)),
            reserved: Self.load(UInt16.self, file, offset + 6),
            postingStart: Int(Self.load(UInt32.self, file, offset + 8)),
            postingCount: Int(Self.load(UInt32.self, file, offset + 12)),
            checksum: Self.load(UInt32.self, file, offset + 16)
        )
    }

    /// The stored UTF-8 of entry `index`'s term, in the mapping.
    func termBytes(_ index: Int, _ entry: Entry) throws(StoreError) -> UnsafeRawBufferPointer {
        guard entry.termOffset + entry.termLength <= termBytesCount else {
            throw blocks.corrupt("lexical term \(index) out of the term bytes", entryOffset(index))
        }
        let start = termAreaOffset + entry.termOffset
        return UnsafeRawBufferPointer(rebasing: file[start..<(start + entry.termLength)])
    }

    /// Byte-wise order of `query` against a stored term: negative, zero or positive.
    static func compare(_ query: UnsafeRawBufferPointer, _ stored: UnsafeRawBufferPointer) -> Int {
        for index in 0..<min(query.count, stored.count) where query[index] != stored[index] {
            return Int(query[index]) - Int(stored[index])
        }
        return query.count - stored.count
    }

    /// The dictionary entry holding `term`, by binary search over the sorted entries.
    func find(_ term: String) throws(StoreError) -> Int? {
        let query = Array(term.utf8)
        var low = 0
        var high = termCount
        while low < high {
            let middle = (low + high) / 2
            let stored = try termBytes(middle, entry(middle))
            let order = query.withUnsafeBytes { Self.compare($0, stored) }
            if order == 0 { return middle }
            if order < 0 { high = middle } else { low = middle + 1 }
        }
        return nil
    }

    func postings(for term: String) throws(StoreError) -> [LexicalPostings.Posting] {
        guard let index = try find(term) else { return [] }
        return try list(index)
    }

    /// The posting list of entry `index`, its checksum verified and every row checked (in range,
    /// ascending); counted in the segment's `postingListsRead`.
    func list(_ index: Int) throws(StoreError) -> [LexicalPostings.Posting] {
        let entry = entry(index)
        guard entry.postingStart + entry.postingCount <= postingCount else {
            throw blocks.corrupt("lexical term \(index) has postings out of the block", entryOffset(index))
        }
        let start = postingsOffset + entry.postingStart * Self.postingBytes
        let byteCount = entry.postingCount * Self.postingBytes
        let stored = UnsafeRawBufferPointer(rebasing: file[start..<(start + byteCount)])
        guard CRC32C.checksum(stored) == entry.checksum else {
            throw blocks.corrupt("posting list of lexical term \(index) checksum mismatch", start)
        }
        blocks.counters.notePostingList(bytes: byteCount)
        var list: [LexicalPostings.Posting] = []
        list.reserveCapacity(entry.postingCount)
        var next = 0
        for position in 0..<entry.postingCount {
            let row = Self.load(UInt32.self, stored, position * Self.postingBytes)
            let frequency = Self.load(UInt16.self, stored, position * Self.postingBytes + 4)
            guard Int(row) >= next, Int(row) < rowCount, frequency > 0 else {
                throw blocks.corrupt(
                    "posting list of lexical term \(index): row \(row) out of order or range",
                    start + position * Self.postingBytes
                )
            }
            next = Int(row) + 1
            list.append(LexicalPostings.Posting(row: row, termFrequency: frequency))
        }
        return list
    }

    func withLengths<R>(_ body: (UnsafeBufferPointer<UInt32>) -> R) -> R {
        guard rowCount > 0, let base = file.baseAddress else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        // The block starts 64-byte aligned in a page-aligned mapping, so the integers are aligned.
        let lengths = (base + lengthsOffset).assumingMemoryBound(to: UInt32.self)
        return body(UnsafeBufferPointer(start: lengths, count: rowCount))
    }

    func forEachTerm(_ body: (String, [LexicalPostings.Posting]) -> Void) throws(StoreError) {
        for index in 0..<termCount {
            let bytes = try termBytes(index, entry(index))
            guard let term = String(validating: bytes, as: UTF8.self) else {
                throw blocks.corrupt("lexical term \(index) is not UTF-8", entryOffset(index))
            }
            body(term, try list(index))
        }
    }
}
