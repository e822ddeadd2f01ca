import Glibc

/// Allocation of the index's large arrays (vectors, level-0 links, codes) on 2 MiB boundaries with
/// transparent huge pages requested (`madvise(MADV_HUGEPAGE)`): a search touches nodes at random
/// across tens of megabytes, and with 4 KiB pages nearly every node costs a TLB miss and a page
/// walk on top of its cache misses. The advice is a hint; without huge pages the arrays work the same.
enum LargeAllocation {
    static let hugePageBytes = 2 << 20

    /// Uninitialised storage for `count` elements of `T`, huge-page aligned and advised when at
    /// least one huge page long. Free with `deallocate()`.
    static func allocate<T>(_: T.Type, count: Int) -> UnsafeMutablePointer<T> {
        let byteCount = max(count, 1) * MemoryLayout<T>.stride
        guard byteCount >= hugePageBytes else { return .allocate(capacity: max(count, 1)) }
        let rounded = (byteCount + hugePageBytes - 1) & ~(hugePageBytes - 1)
        let raw = UnsafeMutableRawPointer.allocate(byteCount: rounded, alignment: hugePageBytes)
        _ = madvise(raw, rounded, MADV_HUGEPAGE)
        return raw.bindMemory(to: T.self, capacity: rounded / MemoryLayout<T>.stride)
    }
}
