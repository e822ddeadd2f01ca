import Foundation
import SECModel

/// A hierarchical navigable small-world graph over `Float` vectors (Malkov & Yashunin, 2016).
///
/// Storage is fixed at `capacity` nodes and laid out flat for cache-friendly traversal: vectors
/// row-major; level-0 links as `[count, id × 2m]` per node; upper-layer links in one block per node
/// holding `[count, id × m]` per level; with int8 quantisation, 8-bit codes in rows of
/// `codeStride` bytes (64-byte aligned) and one `Float` dot-product correction per node. Node ids
/// are insertion ordinals.
///
/// Concurrency: `add` may run on several threads at once (link lists are guarded by striped locks
/// and the entry point by a global lock); `search` is lock-free and must not overlap `add`.
public final class HNSWIndex: @unchecked Sendable {
    public let dimension: Int
    public let metric: Metric
    public let parameters: HNSWParameters
    public let capacity: Int

    let maxLinks0: Int
    let maxLinks: Int
    let level0Stride: Int
    let vectors: UnsafeMutablePointer<Float>
    let level0: UnsafeMutablePointer<UInt32>
    let nodeLevels: UnsafeMutablePointer<Int32>
    let upperLinks: UnsafeMutablePointer<UnsafeMutablePointer<UInt32>?>
    /// Bytes per node in `codes`: the dimension rounded up to a 64-byte cache line.
    let codeStride: Int
    /// Int8 codes, `capacity × codeStride` bytes; `nil` without quantisation.
    let codes: UnsafeMutablePointer<UInt8>?
    /// `ScalarQuantizer.correction` of each node's codes; `nil` without quantisation.
    let codeCorrections: UnsafeMutablePointer<Float>?
    /// Set by `trainQuantizer()`; once set, every node has codes.
    var quantizer: ScalarQuantizer?
    let locks: LockStripes
    let contextPool = SearchContextPool()
    let globalLock = LockStripes(count: 1)
    private let levelMultiplier: Double
    /// Keeps external storage (a memory map) alive; `nil` when the index owns its storage.
    private let storageOwner: (any Sendable)?

    var nodeCount = 0
    var entryPoint: Int32 = -1
    var maxLevel: Int32 = -1
    private var generator: SeededRandom

    /// Creates an empty index for up to `capacity` vectors.
    ///
    /// - Throws: `HNSWError.badInput` for invalid parameters, a dimension outside `1...65536`
    ///   (`1...16384` with int8 quantisation) or a capacity outside `1...UInt32.max`.
    public init(
        dimension: Int,
        metric: Metric,
        capacity: Int,
        parameters: HNSWParameters = HNSWParameters()
    )
        throws(HNSWError)
    {
        try parameters.validate()
        guard (1...65_536).contains(dimension) else {
            throw HNSWError(code: .badInput, message: "dimension must be in 1...65536, got \(dimension)")
        }
        guard capacity >= 1, capacity < Int(UInt32.max) else {
            throw HNSWError(code: .badInput, message: "capacity must be in 1..<\(UInt32.max), got \(capacity)")
        }
        let quantized = parameters.quantization == .int8
        guard !quantized || dimension <= ScalarQuantizer.dimensionMax else {
            throw HNSWError(code: .badInput, message: "int8 quantisation needs dimension ≤ 16384, got \(dimension)")
        }
        self.dimension = dimension
        self.metric = metric
        self.parameters = parameters
        self.capacity = capacity
        maxLinks = parameters.m
        maxLinks0 = 2 * parameters.m
        level0Stride = maxLinks0 + 1
        levelMultiplier = 1 / log(Double(max(parameters.m, 2)))
        generator = SeededRandom(seed: parameters.seed)
        vectors = LargeAllocation.allocate(Float.self, count: capacity * dimension)
        level0 = LargeAllocation.allocate(UInt32.self, count: capacity * level0Stride)
        level0.initialize(repeating: 0, count: capacity * level0Stride)
        nodeLevels = .allocate(capacity: capacity)
        nodeLevels.initialize(repeating: 0, count: capacity)
        upperLinks = .allocate(capacity: capacity)
        upperLinks.initialize(repeating: nil, count: capacity)
        codeStride = quantized ? (dimension + 63) & ~63 : 0
        if quantized {
            codes = LargeAllocation.allocate(UInt8.self, count: capacity * codeStride)
            codes?.initialize(repeating: 0, count: capacity * codeStride)
            codeCorrections = .allocate(capacity: capacity)
            codeCorrections?.initialize(repeating: 0, count: capacity)
        } else {
            codes = nil
            codeCorrections = nil
        }
        locks = LockStripes(count: 4_096)
        storageOwner = nil
    }

    /// An index over a graph stored elsewhere (see `HNSWIndex+Persistence.swift`): vectors, levels
    /// and level-0 links are used in place; only the table of upper-link pointers is allocated.
    init(
        external storage: HNSWGraphStorage,
        parameters: HNSWParameters,
        metric: Metric,
        upperBlocks: UnsafeMutablePointer<UnsafeMutablePointer<UInt32>?>
    ) {
        dimension = storage.dimension
        self.metric = metric
        self.parameters = parameters
        capacity = storage.count
        maxLinks = parameters.m
        maxLinks0 = 2 * parameters.m
        level0Stride = maxLinks0 + 1
        levelMultiplier = 1 / log(Double(max(parameters.m, 2)))
        generator = SeededRandom(seed: parameters.seed)
        vectors = UnsafeMutablePointer(mutating: storage.vectors)
        level0 = UnsafeMutablePointer(mutating: storage.level0)
        nodeLevels = UnsafeMutablePointer(mutating: storage.levels)
        upperLinks = upperBlocks
        codeStride = storage.quantized?.codeStride ?? 0
        codes = storage.quantized.map { UnsafeMutablePointer(mutating: $0.codes) }
        codeCorrections = storage.quantized.map { UnsafeMutablePointer(mutating: $0.corrections) }
        quantizer = storage.quantized?.quantizer
        locks = LockStripes(count: 1)
        storageOwner = storage.owner
        nodeCount = storage.count
        entryPoint = storage.entryPoint
        maxLevel = storage.maxLevel
    }

    deinit {
        if storageOwner != nil {
            upperLinks.deallocate()
            return
        }
        for node in 0..<capacity { upperLinks[node]?.deallocate() }
        upperLinks.deallocate()
        codes?.deallocate()
        codeCorrections?.deallocate()
        nodeLevels.deallocate()
        level0.deallocate()
        vectors.deallocate()
    }

    /// Number of vectors added.
    public var count: Int { globalLock.withLock(0) { nodeCount } }

    /// Bytes of memory held by vectors, links and int8 codes.
    public var memoryBytes: Int {
        var upper = 0
        for node in 0..<count { upper += Int(nodeLevels[node]) * (maxLinks + 1) * 4 }
        let codeBytes = codes == nil ? 0 : codeStride + 4
        return capacity * (dimension * 4 + level0Stride * 4 + 4 + 8 + codeBytes) + upper
    }

    /// The stored (normalised, for cosine) vector of `node`.
    @inline(__always)
    func vector(_ node: UInt32) -> UnsafeMutablePointer<Float> { vectors + Int(node) * dimension }

    @inline(__always)
    func links(_ node: UInt32, level: Int) -> UnsafeMutablePointer<UInt32> {
        if level == 0 { return level0 + Int(node) * level0Stride }
        // Safe: a node's upper block is allocated before the node is reachable at any upper level.
        return upperLinks[Int(node)].unsafelyUnwrapped + (level - 1) * (maxLinks + 1)
    }

    @inline(__always)
    func distance(_ query: UnsafePointer<Float>, _ node: UInt32) -> Float {
        DistanceKernels.distance(metric, query, vector(node), count: dimension)
    }

    /// Exact float32 distances from `query`.
    @inline(__always)
    func floatScorer(_ query: UnsafePointer<Float>) -> FloatScorer {
        FloatScorer(query: query, vectors: vectors, dimension: dimension, metric: metric)
    }

    /// Reserves `count` consecutive ids and draws their levels in id order (so levels depend only on
    /// the seed and the insertion order); thread-safe.
    func reserveNodes(_ count: Int) throws(HNSWError) -> (first: UInt32, levels: [Int]) {
        let reserved: (UInt32, [Int])? = globalLock.withLock(0) {
            guard nodeCount + count <= capacity else { return nil }
            let first = UInt32(nodeCount)
            nodeCount += count
            let levels = (0..<count).map { _ in
                let uniform = Double(generator.next() >> 11) * 0x1.0p-53
                return min(Int(-log(max(uniform, 1e-300)) * levelMultiplier), 31)
            }
            return (first, levels)
        }
        guard let reserved else {
            throw HNSWError(code: .badInput, message: "\(count) more vectors exceed the capacity \(capacity)")
        }
        return reserved
    }
}
