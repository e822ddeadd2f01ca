/// A whole file mapped read-only into memory (`StoreFileSystem.map`). Segment vectors are used in
/// place from the mapping, never parsed or copied; the mapping lives as long as the last reader
/// holding this object, then `release` unmaps it.
public final class MappedFile: @unchecked Sendable {
    // @unchecked: the mapping is read-only and never changes after init, so sharing it is safe.
    public let path: String
    public let bytes: UnsafeRawBufferPointer
    private let release: @Sendable (UnsafeRawBufferPointer) -> Void

    /// - Parameters:
    ///   - bytes: the mapped bytes; they must stay valid and unchanged until `release` is called.
    ///   - release: called once, when the last reference goes.
    public init(
        path: String,
        bytes: UnsafeRawBufferPointer,
        release: @escaping @Sendable (UnsafeRawBufferPointer) -> Void
    ) {
        self.path = path
        self.bytes = bytes
        self.release = release
    }

    deinit { release(bytes) }

    /// A copy of `range` as an array (for small blocks that are decoded, not used in place).
    func copy(_ range: Range<Int>) -> [UInt8] { Array(bytes[range]) }
}
