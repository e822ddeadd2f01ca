extension SegmentLexicalIndex {
    /// Checks every byte of the three blocks beyond their checksums (a scrub): the dictionary's
    /// entries (reserved bytes zero, terms of 1…`termBytesMax` bytes of UTF-8 laid out back to
    /// back and strictly ascending in byte order, posting lists back to back in term order
    /// covering the postings block exactly, none empty), every posting list (its checksum, rows in
    /// range and ascending), and `lengthSum` against the lengths.
    ///
    /// - Throws: `StoreError.corruption` with the path and the offset of the first damage found.
    func verify() throws(StoreError) {
        var termEnd = 0
        var postingEnd = 0
        var previous: UnsafeRawBufferPointer?
        for index in 0..<termCount {
            let entry = entry(index)
            guard entry.reserved == 0, (1...LexicalPostings.termBytesMax).contains(entry.termLength),
                entry.termOffset == termEnd, entry.postingStart == postingEnd, entry.postingCount > 0
            else { throw blocks.corrupt("lexical dictionary entry \(index) is malformed", entryOffset(index)) }
            let term = try termBytes(index, entry)
            guard String(validating: term, as: UTF8.self) != nil else {
                throw blocks.corrupt("lexical term \(index) is not UTF-8", entryOffset(index))
            }
            if let previous, Self.compare(previous, term) >= 0 {
                throw blocks.corrupt("lexical term \(index) is out of order", entryOffset(index))
            }
            _ = try list(index)
            previous = term
            termEnd += entry.termLength
            postingEnd += entry.postingCount
        }
        guard termEnd == termBytesCount, postingEnd == postingCount else {
            throw blocks.corrupt("lexical dictionary does not cover its terms and postings", dictionaryOffset)
        }
        let sum = withLengths { $0.reduce(UInt64(0)) { $0 + UInt64($1) } }
        guard sum == lengthSum else {
            throw blocks.corrupt("lexical lengths do not sum to the dictionary's total", lengthsOffset)
        }
    }
}
