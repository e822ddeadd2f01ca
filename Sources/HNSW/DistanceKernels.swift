/// SIMD distance kernels over contiguous `Float` vectors.
///
/// The main loop works on 16 lanes at a time (`SIMD16<Float>`, one AVX-512 register or two AVX2
/// registers when the module is built for the host CPU) with four independent accumulators so the
/// fused multiply-adds pipeline; a scalar loop handles a tail when the dimension is not a multiple
/// of 16.
public enum DistanceKernels {
    /// `sum(a[i] * b[i])` over `count` components.
    @inlinable
    public static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        var acc0 = SIMD16<Float>()
        var acc1 = SIMD16<Float>()
        var i = 0
        let pairEnd = count & ~31
        while i < pairEnd {
            acc0.addProduct(load(a + i), load(b + i))
            acc1.addProduct(load(a + i + 16), load(b + i + 16))
            i += 32
        }
        let blockEnd = count & ~15
        while i < blockEnd {
            acc0.addProduct(load(a + i), load(b + i))
            i += 16
        }
        var sum = (acc0 + acc1).sum()
        while i < count {
            sum += a[i] * b[i]
            i += 1
        }
        return sum
    }

    /// `sum((a[i] - b[i])²)` over `count` components.
    @inlinable
    public static func l2Squared(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        var acc0 = SIMD16<Float>()
        var acc1 = SIMD16<Float>()
        var i = 0
        let pairEnd = count & ~31
        while i < pairEnd {
            let d0 = load(a + i) - load(b + i)
            let d1 = load(a + i + 16) - load(b + i + 16)
            acc0.addProduct(d0, d0)
            acc1.addProduct(d1, d1)
            i += 32
        }
        let blockEnd = count & ~15
        while i < blockEnd {
            let d = load(a + i) - load(b + i)
            acc0.addProduct(d, d)
            i += 16
        }
        var sum = (acc0 + acc1).sum()
        while i < count {
            let d = a[i] - b[i]
            sum += d * d
            i += 1
        }
        return sum
    }

    /// The distance of `metric` between two vectors (see `Metric`).
    @inlinable
    public static func distance(
        _ metric: Metric,
        _ a: UnsafePointer<Float>,
        _ b: UnsafePointer<Float>,
        count: Int
    )
        -> Float
    {
        switch metric {
        case .cosine: return 1 - dot(a, b, count: count)
        case .dot: return -dot(a, b, count: count)
        case .l2: return l2Squared(a, b, count: count)
        }
    }

    @inlinable @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>) -> SIMD16<Float> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD16<Float>.self)
    }

    /// Scales `vector` to unit L2 norm in place; the zero vector is left as it is.
    public static func normalize(_ vector: inout [Float]) {
        let norm = vector.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { dot($0, $0, count: buffer.count) } ?? 0
        }.squareRoot()
        guard norm > 0 else { return }
        for index in vector.indices { vector[index] /= norm }
    }
}
