/// Little-endian fixed-width integers in byte arrays: Parquet's PLAIN values, level lengths and
/// the footer length are all little-endian.
extension Array where Element == UInt8 {
    /// Appends `value`'s bytes, least significant first.
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        var rest = value.littleEndian
        Swift.withUnsafeBytes(of: &rest) { append(contentsOf: $0) }
    }

    /// The `T` whose little-endian bytes start at `index`; the caller checked the bounds.
    func loadLittleEndian<T: FixedWidthInteger>(_ type: T.Type, at index: Int) -> T {
        withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: index, as: T.self)) }
    }
}
