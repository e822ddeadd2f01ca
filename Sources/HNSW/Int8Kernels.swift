/// Integer distance kernels over 8-bit codes (see `ScalarQuantizer`).
///
/// Written as plain loops on purpose: at `-O -target-cpu native` LLVM vectorises them into
/// `vpmovzxbw` (bytes widened to Int16), `vpsubw` and `vpmaddwd` (Int16 products summed in pairs
/// into Int32 lanes), 64 codes per iteration with four accumulators, which explicit `SIMD` types
/// did not match (they produced `vpmulld` on Int32 lanes, several times slower). Sums are exact for
/// `count <= ScalarQuantizer.dimensionMax`.
enum Int8Kernels {
    /// `Σ (a[i] − b[i])²` over `count` codes.
    @inline(__always)
    static func l2Squared(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Int32 {
        var sum: Int32 = 0
        for index in 0..<count {
            let difference = Int32(a[index]) &- Int32(b[index])
            sum &+= difference &* difference
        }
        return sum
    }

    /// `Σ a[i] × b[i]` over `count` codes.
    @inline(__always)
    static func dot(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Int32 {
        var sum: Int32 = 0
        for index in 0..<count { sum &+= Int32(a[index]) &* Int32(b[index]) }
        return sum
    }
}
