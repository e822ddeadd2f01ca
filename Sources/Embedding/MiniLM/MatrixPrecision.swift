import CKernels

/// How the encoder's projections multiply: the number format of their inputs. Sums are always
/// float32.
///
/// `bfloat16` rounds activations and weights to bfloat16 (8 significant bits) before the AVX-512 BF16
/// dot product, twice the float32 throughput on CPUs that have it; on all-MiniLM-L6-v2 the embeddings
/// keep a cosine ≥ 0.9999 with float32 (the peer-reference test checks ≥ 0.999 on every sentence).
/// Attention scores, softmax, LayerNorm, GELU and pooling stay float32 either way.
public enum MatrixPrecision: String, Sendable, CaseIterable {
    /// `bfloat16` when the CPU has AVX-512 BF16, else `float32`.
    case automatic = "auto"
    /// float32 everywhere (OpenBLAS `sgemm`).
    case float32
    /// bfloat16 inputs, float32 sums; needs AVX-512 BF16.
    case bfloat16

    /// Whether this CPU runs the `bfloat16` kernels.
    public static var bfloat16Available: Bool { vectordb_bf16_available() == 1 }

    /// The precision `self` means on this CPU (`automatic` resolved), or `nil` when `self` is
    /// `bfloat16` and the CPU lacks AVX-512 BF16.
    public var resolved: MatrixPrecision? {
        switch self {
        case .automatic: Self.bfloat16Available ? .bfloat16 : .float32
        case .float32: .float32
        case .bfloat16: Self.bfloat16Available ? .bfloat16 : nil
        }
    }
}
