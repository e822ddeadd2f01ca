/// 8-bit scalar quantisation with a per-dimension offset and one step shared by all dimensions.
///
/// A component `x` of dimension `d` is stored as `c = clamp(round((x - offset[d]) / step), 0, 255)`
/// and read back as `offset[d] + step × c`. Training sets `offset[d]` to the minimum of dimension
/// `d` and `step` to the widest per-dimension range divided by 255, so every training component
/// round-trips within `step / 2`. A shared step keeps distances integer: squared L2 between two
/// vectors is `step² × Σ (a − b)²` over their codes, and a dot product is
/// `Σ offset² + correction(a) + correction(b) + step² × Σ a × b`, where
/// `correction(c) = step × Σ offset[d] × c[d]` is stored per node.
public struct ScalarQuantizer: Sendable, Hashable {
    /// Largest dimension whose integer sums cannot overflow `Int32` (255² × 16,384 < 2³¹).
    public static let dimensionMax = 16_384

    /// Per-dimension value of code 0.
    public let offsets: [Float]
    /// Value of one code unit, shared by all dimensions; positive.
    public let step: Float

    /// A quantiser with the given offsets and step (as read back from storage).
    ///
    /// - Throws: `HNSWError.corruption` when `step` is not a positive finite number, an offset is
    ///   not finite, or there are more than `dimensionMax` offsets.
    public init(offsets: [Float], step: Float) throws(HNSWError) {
        guard step.isFinite, step > 0, offsets.allSatisfy(\.isFinite), (1...Self.dimensionMax).contains(offsets.count)
        else { throw HNSWError(code: .corruption, message: "int8 quantiser: bad step or offsets") }
        self.offsets = offsets
        self.step = step
    }

    /// Trains on `count` row-major vectors of `dimension` components (`count >= 1`).
    static func train(_ vectors: UnsafePointer<Float>, count: Int, dimension: Int) -> ScalarQuantizer {
        var low = [Float](repeating: .infinity, count: dimension)
        var high = [Float](repeating: -.infinity, count: dimension)
        for row in 0..<count {
            let vector = vectors + row * dimension
            for component in 0..<dimension {
                low[component] = min(low[component], vector[component])
                high[component] = max(high[component], vector[component])
            }
        }
        let range = zip(low, high).map { $1 - $0 }.max() ?? 0
        let step: Float = range > 0 ? range / 255 : 1
        return ScalarQuantizer(trusted: low, step: step)
    }

    /// Trains on `rows`, each of the same dimension (at least one row).
    ///
    /// - Throws: `HNSWError.badInput` for no rows, rows of different lengths, a dimension above
    ///   `dimensionMax` or a non-finite component.
    public static func train(_ rows: [[Float]]) throws(HNSWError) -> ScalarQuantizer {
        guard let dimension = rows.first?.count, (1...dimensionMax).contains(dimension),
            rows.allSatisfy({ $0.count == dimension && $0.allSatisfy(\.isFinite) })
        else { throw HNSWError(code: .badInput, message: "quantiser training needs rows of one dimension ≤ 16384") }
        let flat = rows.flatMap { $0 }
        return flat.withUnsafeBufferPointer { buffer in
            train(buffer.baseAddress.unsafelyUnwrapped, count: rows.count, dimension: dimension)
        }
    }

    private init(trusted offsets: [Float], step: Float) {
        self.offsets = offsets
        self.step = step
    }

    /// Number of components.
    public var dimension: Int { offsets.count }

    /// `Σ offset²`, the constant term of a quantised dot product.
    var offsetNormSquared: Float { offsets.reduce(0) { $0 + $1 * $1 } }

    /// Writes the `dimension` codes of `vector` to `codes`.
    func encode(_ vector: UnsafePointer<Float>, into codes: UnsafeMutablePointer<UInt8>) {
        let inverse = 1 / step
        for component in 0..<offsets.count {
            let scaled = ((vector[component] - offsets[component]) * inverse).rounded()
            codes[component] = UInt8(min(max(scaled, 0), 255))
        }
    }

    /// `step × Σ offset[d] × codes[d]`: a node's share of a quantised dot product.
    func correction(_ codes: UnsafePointer<UInt8>) -> Float {
        var sum: Float = 0
        for component in 0..<offsets.count { sum += offsets[component] * Float(codes[component]) }
        return step * sum
    }

    /// The codes of `vector` (clamped to `0...255` outside the training range).
    public func encode(_ vector: [Float]) -> [UInt8] {
        precondition(vector.count == dimension, "vector has \(vector.count) components, quantiser \(dimension)")
        var codes = [UInt8](repeating: 0, count: dimension)
        vector.withUnsafeBufferPointer { source in
            codes.withUnsafeMutableBufferPointer { target in
                encode(source.baseAddress.unsafelyUnwrapped, into: target.baseAddress.unsafelyUnwrapped)
            }
        }
        return codes
    }

    /// The vector that `codes` stand for.
    public func decode(_ codes: [UInt8]) -> [Float] {
        precondition(codes.count == dimension, "\(codes.count) codes, quantiser \(dimension)")
        return zip(offsets, codes).map { $0 + step * Float($1) }
    }
}
