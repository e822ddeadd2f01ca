/// Comparisons whose duration does not depend on where the inputs differ.
enum ConstantTime {
    /// Whether `left` and `right` hold the same bytes: every byte pair is visited (lengths are
    /// public: key hashes are always 32 bytes).
    static func equal(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
