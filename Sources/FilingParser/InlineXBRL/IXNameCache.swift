import Glibc
import SECModel

/// The QNames written in fact attributes (`name`, `format`), resolved once per distinct spelling in a
/// namespace scope and found again by their bytes: a filing repeats a few hundred names over a
/// thousand facts, and hashing the attribute's bytes in place costs less than making a `String` of
/// it to look up.
struct IXNameCache {
    /// One spelling, with the `String` made of it (kept for facts that repeat it) and its QName.
    struct Entry {
        let bytes: [UInt8]
        let written: String
        let resolved: XBRLQName?
    }

    private var entries: [Entry] = []
    private var hashes: [UInt64] = []
    /// Open addressing, linear probing: an index into `entries`, or -1.
    private var slots = [Int32](repeating: -1, count: Self.slotCountMin)
    private static let slotCountMin = 256
    /// Distinct spellings kept; past this, names are resolved without the cache.
    static let entryCountMax = 1 << 20

    /// Forgets every name (the scope they were resolved in ended), keeping the storage.
    mutating func removeAll() {
        guard !entries.isEmpty else { return }
        entries.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
        for index in slots.indices { slots[index] = -1 }
    }

    /// The entry for the attribute value `raw` (as the parser reported it, free of references),
    /// resolving it in `scope` the first time.
    mutating func entry(_ raw: UnsafeBufferPointer<UInt8>, scope: XMLNamespaceScope) -> Entry {
        let hash = Self.hash(raw)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let index = Int(slots[slot])
            if hashes[index] == hash, Self.equal(entries[index].bytes, raw) { return entries[index] }
            slot = (slot + 1) & mask
        }
        let written = String(decoding: raw, as: UTF8.self)
        let entry = Entry(bytes: Array(raw), written: written, resolved: scope.resolve(written))
        guard entries.count < Self.entryCountMax else { return entry }
        slots[slot] = Int32(entries.count)
        entries.append(entry)
        hashes.append(hash)
        if entries.count * 2 > slots.count { grow() }
        return entry
    }

    private static func equal(_ bytes: [UInt8], _ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == raw.count else { return false }
        return bytes.withUnsafeBufferPointer { own in
            guard let start = own.baseAddress, let other = raw.baseAddress else { return true }
            return memcmp(start, other, raw.count) == 0
        }
    }

    /// Doubles the slots and places every entry again.
    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    /// FNV-1a over eight-byte words, then a final mix: names are short and differ anywhere.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let prime: UInt64 = 0x0000_0100_0000_01B3
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
        let raw = UnsafeRawBufferPointer(bytes)
        var index = 0
        while index + 8 <= bytes.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* prime
            index += 8
        }
        while index < bytes.count {
            hash = (hash ^ UInt64(bytes[index])) &* prime
            index += 1
        }
        hash ^= hash >> 29
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 32)
    }
}
