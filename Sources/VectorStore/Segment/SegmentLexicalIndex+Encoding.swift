import Codecs

extension SegmentLexicalIndex {
    /// The raw contents of the three blocks (docs/formats/segment.md): terms sorted by UTF-8 bytes,
    /// each with a non-empty posting list; every block is stored uncompressed and used in place.
    struct Encoded {
        /// Block 12: `rowCount × length u32`.
        var lengths: [UInt8]
        /// Block 13: header, `termCount` entries, then the terms' UTF-8 back to back.
        var dictionary: [UInt8]
        /// Block 14: every posting list in term order, `(row u32, termFrequency u16)` per posting.
        var postings: [UInt8]
    }

    /// The blocks of `lexical`.
    static func encode(_ lexical: LexicalPostings) -> Encoded {
        var lengths: [UInt8] = []
        lengths.reserveCapacity(lexical.lengths.count * 4)
        for length in lexical.lengths { lengths.appendLittleEndian(length) }
        let terms = lexical.postings.filter { !$0.value.isEmpty }.keys.sorted {
            $0.utf8.lexicographicallyPrecedes($1.utf8)
        }
        var entries: [UInt8] = []
        entries.reserveCapacity(terms.count * entryBytes)
        var termBytes: [UInt8] = []
        var postings: [UInt8] = []
        var postingCount = 0
        for term in terms {
            let list = lexical.postings[term] ?? []
            let start = postings.count
            for posting in list {
                postings.appendLittleEndian(posting.row)
                postings.appendLittleEndian(posting.termFrequency)
            }
            // Sizes beyond u32 make a block over `blockBytesMax`, which the writer refuses.
            entries.appendLittleEndian(UInt32(truncatingIfNeeded: termBytes.count))
            entries.appendLittleEndian(UInt16(term.utf8.count))
            entries.appendLittleEndian(UInt16(0))
            entries.appendLittleEndian(UInt32(truncatingIfNeeded: postingCount))
            entries.appendLittleEndian(UInt32(list.count))
            entries.appendLittleEndian(CRC32C.checksum(postings[start...]))
            termBytes += term.utf8
            postingCount += list.count
        }
        var dictionary: [UInt8] = []
        dictionary.reserveCapacity(headerBytes + entries.count + termBytes.count)
        dictionary.appendLittleEndian(UInt32(lexical.lengths.count))
        dictionary.appendLittleEndian(UInt32(terms.count))
        dictionary.appendLittleEndian(lexical.lengthSum)
        dictionary.appendLittleEndian(UInt32(truncatingIfNeeded: postingCount))
        dictionary.appendLittleEndian(UInt32(truncatingIfNeeded: termBytes.count))
        dictionary.appendLittleEndian(UInt64(0))
        dictionary += entries
        dictionary += termBytes
        return Encoded(lengths: lengths, dictionary: dictionary, postings: postings)
    }
}
