/// The primary-key index of a segment (block kind 11, format version 3): every row's
/// `hash64(id) u64` and `row u32`, sorted by hash then row, used in place from the mapping. An
/// upsert or delete finds the version it supersedes by a binary search here, then compares the
/// stored id (hashes can collide), instead of holding every id of every segment in memory.
enum PrimaryKeyIndex {
    static let entryBytes = 12

    /// FNV-1a, 64 bits, over the id's UTF-8: stable across processes and platforms.
    static func hash(_ id: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The block for rows with these ids, in row order.
    static func encode(_ ids: [String]) -> [UInt8] {
        let entries = ids.enumerated().map { (hash: hash($0.element), row: UInt32($0.offset)) }
            .sorted { $0.hash != $1.hash ? $0.hash < $1.hash : $0.row < $1.row }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * entryBytes)
        for entry in entries {
            bytes.appendLittleEndian(entry.hash)
            bytes.appendLittleEndian(entry.row)
        }
        return bytes
    }

    /// The rows whose id hashes to `hash`, from a block of `count` entries.
    static func rows(hashing hash: UInt64, in block: UnsafeRawBufferPointer, count: Int) -> [Int] {
        func hashAt(_ index: Int) -> UInt64 { block.loadUnaligned(fromByteOffset: index * entryBytes, as: UInt64.self) }
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if hashAt(middle) < hash { low = middle + 1 } else { high = middle }
        }
        var rows: [Int] = []
        while low < count, hashAt(low) == hash {
            rows.append(Int(block.loadUnaligned(fromByteOffset: low * entryBytes + 8, as: UInt32.self)))
            low += 1
        }
        return rows
    }
}
