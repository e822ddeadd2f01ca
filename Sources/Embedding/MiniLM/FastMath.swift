/// Branch-free float32 `exp` and `erf` that the compiler vectorizes (the C library's are opaque calls,
/// which cost the encoder a fifth of its time in softmax and GELU).
///
/// Both are accurate to a few units in the last place over the ranges the encoder uses; the tests
/// compare them with the C library on dense grids.
enum FastMath {
    /// `e^x` for `x` in about [-87, 88] (clamped outside): Cephes' range reduction
    /// `x = n·ln 2 + r` and a degree-6 polynomial for `e^r`, with `2^n` assembled in the exponent bits.
    @inline(__always)
    static func exp(_ value: Float) -> Float {
        let x = min(max(value, -87.3), 88.3)
        // Round x·log2(e) to the nearest integer n by adding 1.5·2^23 (n lands in the low mantissa bits).
        let magic: Float = 12_582_912
        let shifted = x * 1.442_695_04 + magic
        let n = shifted - magic
        let r = x - n * 0.693_359_375 + n * 2.121_944_4e-4
        var p: Float = 1.987_569_15e-4
        p = p * r + 1.398_199_950_7e-3
        p = p * r + 8.333_451_907_3e-3
        p = p * r + 4.166_579_589_4e-2
        p = p * r + 1.666_666_545_9e-1
        p = p * r + 5.000_000_120_1e-1
        let y = p * r * r + r + 1
        let exponent = (shifted.bitPattern &- magic.bitPattern &+ 127) &<< 23
        return y * Float(bitPattern: exponent)
    }

    /// `erf(x)`: Eigen's rational approximation on [-4, 4] (erf is ±1 in float32 beyond).
    @inline(__always)
    static func erf(_ value: Float) -> Float {
        let x = min(max(value, -4), 4)
        let x2 = x * x
        var p: Float = -2.726_142_258_013_06e-10
        p = p * x2 + 2.770_681_424_959_02e-08
        p = p * x2 - 2.101_024_020_825_08e-06
        p = p * x2 - 5.692_506_394_623_46e-05
        p = p * x2 - 7.349_906_303_268_55e-04
        p = p * x2 - 2.954_599_808_540_25e-03
        p = p * x2 - 1.609_603_332_624_15e-02
        p *= x
        var q: Float = -1.456_607_184_649_96e-05
        q = q * x2 - 2.133_740_552_789_05e-04
        q = q * x2 - 1.682_826_974_382_03e-03
        q = q * x2 - 7.373_329_167_204_68e-03
        q = q * x2 - 1.426_473_905_141_89e-02
        return p / q
    }
}
