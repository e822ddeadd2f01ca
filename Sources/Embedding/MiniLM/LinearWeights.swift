import CKernels

/// One `Linear` layer of the encoder: `weight` `[outFeatures × inFeatures]` (PyTorch layout) and
/// `bias` `[outFeatures]`, plus, in `bfloat16` precision, the weight packed for the BF16 kernel.
struct LinearWeights {
    let weight: UnsafePointer<Float>
    let bias: UnsafePointer<Float>
    let inFeatures: Int
    let outFeatures: Int
    /// `vectordb_bf16_pack_weight`'s panels of `weight`, when the encoder multiplies in bfloat16.
    let packedBF16: UnsafePointer<UInt16>?

    /// Whether the BF16 kernel can take this shape (output columns in whole 64-column panels).
    static func bfloat16Fits(outFeatures: Int) -> Bool {
        outFeatures % Int(VECTORDB_BF16_PANEL) == 0
    }

    /// Packs `weight` for the BF16 kernel into a buffer the caller owns (and frees).
    static func packBFloat16(
        _ weight: UnsafePointer<Float>,
        outFeatures: Int,
        inFeatures: Int
    ) -> UnsafeMutablePointer<UInt16> {
        let count = vectordb_bf16_packed_count(Int32(outFeatures), Int32(inFeatures))
        let packed = UnsafeMutablePointer<UInt16>.allocate(capacity: count)
        vectordb_bf16_pack_weight(weight, Int32(outFeatures), Int32(inFeatures), packed)
        return packed
    }
}
