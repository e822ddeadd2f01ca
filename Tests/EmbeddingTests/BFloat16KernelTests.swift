import CKernels
import Foundation
import Testing

@testable import Embedding

/// The AVX-512 BF16 kernels against float32 arithmetic on seeded random matrices, over the shapes
/// that exercise their edges: short tiles, odd inner sizes, sequence lengths around a panel.
@Suite(.enabled(if: MatrixPrecision.bfloat16Available, "needs a CPU with AVX-512 BF16"))
struct BFloat16KernelTests {
    /// A small deterministic generator (SplitMix64) of floats in [-1, 1).
    struct Numbers {
        var state: UInt64
        mutating func next() -> Float {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Float(z >> 40) / Float(1 << 23) - 1
        }
        mutating func array(_ count: Int) -> [Float] { (0..<count).map { _ in next() } }
    }

    @Test(arguments: [(1, 2, 64), (7, 384, 128), (13, 5, 64), (97, 1_536, 384), (200, 384, 1_152)])
    func linearMatchesFloat32WithinBFloat16Rounding(shape: (m: Int, k: Int, n: Int)) {
        let (m, k, n) = shape
        var numbers = Numbers(state: UInt64(m * 1_000 + k))
        let input = numbers.array(m * k)
        let weight = numbers.array(n * k)
        let bias = numbers.array(n)
        let packed = LinearWeights.packBFloat16(weight, outFeatures: n, inFeatures: k)
        defer { packed.deallocate() }
        var output = [Float](repeating: .nan, count: m * n)
        var converted = [UInt16](repeating: 0, count: m * ((k + 1) & ~1))
        vectordb_bf16_linear(input, Int32(m), Int32(k), packed, bias, Int32(n), &output, &converted)
        for row in 0..<m {
            for column in 0..<n {
                var exact = bias[column]
                var magnitude: Float = 0
                for index in 0..<k {
                    exact += input[row * k + index] * weight[column * k + index]
                    magnitude += abs(input[row * k + index] * weight[column * k + index])
                }
                // Two inputs rounded to 8 significant bits: each product is off by at most 2^-8.
                let error = abs(output[row * n + column] - exact)
                #expect(
                    error <= magnitude / 128 + 1e-5,
                    "row \(row) column \(column): \(output[row * n + column]) vs \(exact)"
                )
            }
        }
    }

    @Test(arguments: [(1, 32), (5, 32), (63, 32), (64, 64), (65, 32), (256, 32)])
    func attentionMatchesFloat32(shape: (length: Int, headSize: Int)) {
        let (length, headSize) = shape
        let width = 3 * headSize + 7  // rows of q, k, v side by side with a gap, as in the packed QKV matrix
        var numbers = Numbers(state: UInt64(length * 100 + headSize))
        let qkv = numbers.array(length * width).map { $0 * 2 }
        let scale = 1 / Float(headSize).squareRoot()
        let scratch = UnsafeMutableRawPointer.allocate(
            byteCount: vectordb_bf16_attention_scratch_bytes(Int32(length), Int32(headSize)),
            alignment: 64
        )
        defer { scratch.deallocate() }
        var context = [Float](repeating: .nan, count: length * headSize)
        qkv.withUnsafeBufferPointer { qkv in
            guard let base = qkv.baseAddress else { return }
            vectordb_bf16_attention(
                base,
                base + headSize,
                base + 2 * headSize,
                Int32(width),
                Int32(length),
                Int32(headSize),
                scale,
                &context,
                Int32(headSize),
                scratch
            )
        }
        for i in 0..<length {
            var scores = (0..<length).map { j in
                (0..<headSize).reduce(Float(0)) { $0 + qkv[i * width + $1] * qkv[j * width + headSize + $1] } * scale
            }
            let maximum = scores.max() ?? 0
            scores = scores.map { Foundation.exp($0 - maximum) }
            let total = scores.reduce(0, +)
            for c in 0..<headSize {
                let exact = (0..<length).reduce(Float(0)) {
                    $0 + scores[$1] / total * qkv[$1 * width + 2 * headSize + c]
                }
                #expect(abs(context[i * headSize + c] - exact) <= 0.02, "row \(i) column \(c)")
            }
        }
    }
}
