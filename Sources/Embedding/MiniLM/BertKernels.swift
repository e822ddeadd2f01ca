import CBLAS
import CKernels
import Foundation

/// The dense kernels of the encoder, on raw row-major float32 matrices.
///
/// Matrix products go to OpenBLAS (`cblas_sgemm`, loaded on first use, threads from `OPENBLAS_NUM_THREADS`), or
/// for projections in `bfloat16` precision to the AVX-512 BF16 kernel (`CKernels`); the
/// element-wise kernels walk unsafe pointers so that release builds compile them to tight loops.
enum BertKernels {
    /// `output[rows × outFeatures] = input[rows × inFeatures] · weightᵀ + bias`, PyTorch's `Linear`
    /// with `weight` laid out `[outFeatures, inFeatures]`: in bfloat16 when `layer` carries packed
    /// weights (the input rounded into `converted`, `rows · inFeatures` rounded up to even), else in
    /// float32.
    static func linear(
        _ input: UnsafePointer<Float>,
        rows: Int,
        _ layer: LinearWeights,
        output: UnsafeMutablePointer<Float>,
        converted: UnsafeMutablePointer<UInt16>
    ) {
        let inFeatures = layer.inFeatures
        let outFeatures = layer.outFeatures
        if let packed = layer.packedBF16 {
            vectordb_bf16_linear(
                input,
                Int32(rows),
                Int32(inFeatures),
                packed,
                layer.bias,
                Int32(outFeatures),
                output,
                converted
            )
            return
        }
        let weight = layer.weight
        for row in 0..<rows { (output + row * outFeatures).update(from: layer.bias, count: outFeatures) }
        vectordb_sgemm(
            CblasRowMajor,
            CblasNoTrans,
            CblasTrans,
            Int32(rows),
            Int32(outFeatures),
            Int32(inFeatures),
            1,
            input,
            Int32(inFeatures),
            weight,
            Int32(inFeatures),
            1,
            output,
            Int32(outFeatures)
        )
    }

    /// `c[m × n] = alpha · a[m × k] · b` where `b` is `[n × k]` (`transposeB`) or `[k × n]`, with
    /// explicit leading dimensions so that one head's columns can be addressed inside a wider matrix.
    static func matmul(
        m: Int,
        n: Int,
        k: Int,
        alpha: Float,
        a: UnsafePointer<Float>,
        lda: Int,
        b: UnsafePointer<Float>,
        ldb: Int,
        transposeB: Bool,
        c: UnsafeMutablePointer<Float>,
        ldc: Int
    ) {
        vectordb_sgemm(
            CblasRowMajor,
            CblasNoTrans,
            transposeB ? CblasTrans : CblasNoTrans,
            Int32(m),
            Int32(n),
            Int32(k),
            alpha,
            a,
            Int32(lda),
            b,
            Int32(ldb),
            0,
            c,
            Int32(ldc)
        )
    }

    /// In place, each of `rows` rows: `x = (x - mean) / sqrt(variance + epsilon) · gamma + beta`.
    static func layerNorm(
        _ x: UnsafeMutablePointer<Float>,
        rows: Int,
        width: Int,
        gamma: UnsafePointer<Float>,
        beta: UnsafePointer<Float>,
        epsilon: Float
    ) {
        let scale = 1 / Float(width)
        for row in 0..<rows {
            let line = x + row * width
            let mean = sum(line, count: width) * scale
            for index in 0..<width { line[index] -= mean }
            let squares = sumOfSquares(line, count: width)
            let inverse = 1 / (squares * scale + epsilon).squareRoot()
            for index in 0..<width { line[index] = line[index] * inverse * gamma[index] + beta[index] }
        }
    }

    /// In place: `x = 0.5 · x · (1 + erf(x / √2))`, the exact-erf GELU of BERT's `hidden_act = "gelu"`.
    static func gelu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        let inverseRoot2: Float = 0.707_106_781_186_547_524_4
        for index in 0..<count {
            let value = x[index]
            x[index] = 0.5 * value * (1 + FastMath.erf(value * inverseRoot2))
        }
    }

    /// In place, each of `rows` rows of `width`: a numerically stable softmax.
    static func softmax(_ x: UnsafeMutablePointer<Float>, rows: Int, width: Int) {
        for row in 0..<rows {
            let line = x + row * width
            let maximum = self.maximum(line, count: width)
            for index in 0..<width { line[index] = FastMath.exp(line[index] - maximum) }
            let inverse = 1 / sum(line, count: width)
            for index in 0..<width { line[index] *= inverse }
        }
    }

    /// Sum of `count` floats, sixteen lanes at a time (a scalar loop would not vectorize: float
    /// addition is not reassociated).
    static func sum(_ x: UnsafePointer<Float>, count: Int) -> Float {
        var lanes = SIMD16<Float>()
        var index = 0
        while index + 16 <= count {
            lanes += UnsafeRawPointer(x + index).loadUnaligned(as: SIMD16<Float>.self)
            index += 16
        }
        var total = lanes.sum()
        while index < count {
            total += x[index]
            index += 1
        }
        return total
    }

    /// Sum of squares of `count` floats, sixteen lanes at a time.
    static func sumOfSquares(_ x: UnsafePointer<Float>, count: Int) -> Float {
        var lanes = SIMD16<Float>()
        var index = 0
        while index + 16 <= count {
            let values = UnsafeRawPointer(x + index).loadUnaligned(as: SIMD16<Float>.self)
            lanes += values * values
            index += 16
        }
        var total = lanes.sum()
        while index < count {
            total += x[index] * x[index]
            index += 1
        }
        return total
    }

    /// Largest of `count` floats (`-infinity` when empty), sixteen lanes at a time.
    static func maximum(_ x: UnsafePointer<Float>, count: Int) -> Float {
        var lanes = SIMD16<Float>(repeating: -.infinity)
        var index = 0
        while index + 16 <= count {
            let values = UnsafeRawPointer(x + index).loadUnaligned(as: SIMD16<Float>.self)
            lanes.replace(with: values, where: values .> lanes)
            index += 16
        }
        var result = lanes.max()
        while index < count {
            result = max(result, x[index])
            index += 1
        }
        return result
    }

    /// `output[i] += input[i]` for `count` elements.
    static func add(_ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, count: Int) {
        for index in 0..<count { output[index] += input[index] }
    }
}
