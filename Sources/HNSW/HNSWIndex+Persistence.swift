/// A graph laid out flat for storage beside its vectors (as in a VectorStore segment), loaded back
/// by pointing at the stored arrays — no parsing, no copy of vectors or level-0 links.
///
/// Arrays (native little-endian on the supported hosts):
/// - `levels`: `count × Int32`, the top level of each node;
/// - `level0`: `count × (2m + 1) UInt32`, per node `[linkCount, links…]`;
/// - `upper`: for each node with level ≥ 1, in id order, `level × (m + 1) UInt32`, per level
///   `[linkCount, links…]`;
/// - `quantized` (optional): int8 codes and per-node corrections (see `HNSWQuantizedStorage`).
public struct HNSWGraphStorage: @unchecked Sendable {
    // @unchecked: the pointers are read-only views of storage that `owner` keeps alive.
    public var dimension: Int
    public var count: Int
    public var entryPoint: Int32
    public var maxLevel: Int32
    public var vectors: UnsafePointer<Float>
    public var levels: UnsafePointer<Int32>
    public var level0: UnsafePointer<UInt32>
    public var upper: UnsafePointer<UInt32>
    public var upperCount: Int
    /// Int8 codes for quantised traversal; `nil` for a float32-only graph.
    public var quantized: HNSWQuantizedStorage?
    /// Whatever keeps the memory alive (e.g. the memory-mapped file).
    public var owner: any Sendable

    public init(
        dimension: Int,
        count: Int,
        entryPoint: Int32,
        maxLevel: Int32,
        vectors: UnsafePointer<Float>,
        levels: UnsafePointer<Int32>,
        level0: UnsafePointer<UInt32>,
        upper: UnsafePointer<UInt32>,
        upperCount: Int,
        quantized: HNSWQuantizedStorage? = nil,
        owner: any Sendable
    ) {
        self.dimension = dimension
        self.count = count
        self.entryPoint = entryPoint
        self.maxLevel = maxLevel
        self.vectors = vectors
        self.levels = levels
        self.level0 = level0
        self.upper = upper
        self.upperCount = upperCount
        self.quantized = quantized
        self.owner = owner
    }
}

/// Stored int8 codes of a graph's vectors, used in place like the rest of `HNSWGraphStorage`.
public struct HNSWQuantizedStorage: @unchecked Sendable {
    // @unchecked: the pointers are read-only views of storage the graph's `owner` keeps alive.
    public var quantizer: ScalarQuantizer
    /// Bytes from one node's codes to the next; at least the dimension.
    public var codeStride: Int
    /// `count × codeStride` bytes: node `i`'s codes start at `i × codeStride`.
    public var codes: UnsafePointer<UInt8>
    /// `count × Float`: `ScalarQuantizer` dot-product correction of each node's codes.
    public var corrections: UnsafePointer<Float>

    public init(
        quantizer: ScalarQuantizer,
        codeStride: Int,
        codes: UnsafePointer<UInt8>,
        corrections: UnsafePointer<Float>
    ) {
        self.quantizer = quantizer
        self.codeStride = codeStride
        self.codes = codes
        self.corrections = corrections
    }
}

extension HNSWIndex {
    /// The graph as flat arrays (see `HNSWGraphStorage`), for writing beside the vectors.
    public func exportGraph() -> (
        entryPoint: Int32, maxLevel: Int32, levels: [Int32], level0: [UInt32], upper: [UInt32]
    ) {
        let total = count
        let levels = Array(UnsafeBufferPointer(start: nodeLevels, count: total))
        let level0 = Array(UnsafeBufferPointer(start: self.level0, count: total * level0Stride))
        var upper: [UInt32] = []
        for node in 0..<total where levels[node] > 0 {
            guard let block = upperLinks[node] else { continue }
            upper.append(contentsOf: UnsafeBufferPointer(start: block, count: Int(levels[node]) * (maxLinks + 1)))
        }
        return (entryPoint, maxLevel, levels, level0, upper)
    }

    /// The int8 codes (`count × codeStride` bytes) and per-node corrections, or `nil` when the
    /// index has no trained quantiser.
    public func exportCodes() -> (quantizer: ScalarQuantizer, codeStride: Int, codes: [UInt8], corrections: [Float])? {
        guard let trained = trainedQuantizer, let codes, let codeCorrections else { return nil }
        let total = count
        return (
            trained, codeStride, Array(UnsafeBufferPointer(start: codes, count: total * codeStride)),
            Array(UnsafeBufferPointer(start: codeCorrections, count: total))
        )
    }

    /// A search-only index over stored arrays. Every level and every upper-layer link count and id
    /// is checked against the graph's bounds first, so damaged arrays are refused instead of read
    /// out of range. Level-0 links (the bulk of the graph, `count × (2m + 1)` words) are not read
    /// at load: a search clamps a list's count to `2m` and skips an id out of range, so damage
    /// there costs recall, never an out-of-range read; `verifyLinks()` checks them all (a scrub).
    ///
    /// - Throws: `HNSWError.corruption` naming what is inconsistent.
    public static func load(
        _ storage: HNSWGraphStorage,
        metric: Metric,
        parameters: HNSWParameters
    ) throws(HNSWError) -> HNSWIndex {
        func corrupt(_ message: String) -> HNSWError { HNSWError(code: .corruption, message: "HNSW graph: \(message)") }
        let count = storage.count
        let m = parameters.m
        guard count >= 1, count < Int(UInt32.max), (1...65_536).contains(storage.dimension) else {
            throw corrupt("bad node count or dimension")
        }
        if let quantized = storage.quantized {
            guard quantized.quantizer.dimension == storage.dimension, quantized.codeStride >= storage.dimension,
                quantized.codeStride <= 2 * storage.dimension + 64
            else { throw corrupt("int8 codes do not match the dimension") }
        }
        guard (0..<Int32(count)).contains(storage.entryPoint),
            storage.levels[Int(storage.entryPoint)] == storage.maxLevel
        else { throw corrupt("bad entry point") }
        let upperStride = m + 1
        let table = UnsafeMutablePointer<UnsafeMutablePointer<UInt32>?>.allocate(capacity: count)
        table.initialize(repeating: nil, count: count)
        var upperOffset = 0
        var valid = true
        for node in 0..<count where valid {
            let level = Int(storage.levels[node])
            guard (0...31).contains(level), level <= Int(storage.maxLevel) else {
                valid = false
                break
            }
            guard level > 0 else { continue }
            guard upperOffset + level * upperStride <= storage.upperCount else {
                valid = false
                break
            }
            let block = storage.upper + upperOffset
            for list in 0..<level {
                let links = block + list * upperStride
                if Int(links[0]) > m { valid = false }
                for slot in 0..<min(Int(links[0]), m) where Int(links[1 + slot]) >= count { valid = false }
            }
            table[node] = UnsafeMutablePointer(mutating: block)
            upperOffset += level * upperStride
        }
        guard valid, upperOffset == storage.upperCount else {
            table.deallocate()
            throw corrupt("a level, link count or link id is out of range")
        }
        return HNSWIndex(external: storage, parameters: parameters, metric: metric, upperBlocks: table)
    }

    /// Checks every level-0 link list of the graph: its count within `2m` and each id below the
    /// node count (what `load` leaves to traversal).
    ///
    /// - Throws: `HNSWError.corruption` naming the first node whose list is out of range.
    public func verifyLinks() throws(HNSWError) {
        let total = count
        for node in 0..<total {
            let list = level0 + node * level0Stride
            guard Int(list[0]) <= maxLinks0, (0..<Int(list[0])).allSatisfy({ Int(list[1 + $0]) < total }) else {
                throw HNSWError(
                    code: .corruption,
                    message: "HNSW graph: level-0 links of node \(node) are out of range"
                )
            }
        }
    }
}
