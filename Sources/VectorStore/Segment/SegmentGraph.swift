import HNSW

/// The optional HNSW graph of a segment: built with both cores when a segment is written, stored
/// as raw blocks (docs/formats/segment.md), loaded in place over the mapped file.
///
/// Graph header block (40 bytes): `m u32 | efConstruction u32 | efSearch u32 | metric u32 (1 = dot, 3 = l2)
/// | entryPoint i32 | maxLevel i32 | upperWords u64 | seed u64`.
extension SegmentWriter {
    static let graphBuildThreads = 2

    static func graphBlocks(
        _ vectors: [[Float]],
        dimension: Int,
        metric: VectorMetric,
        parameters: HNSWParameters,
        seed: HNSWIndex? = nil
    ) throws(StoreError) -> (header: [UInt8], levels: [UInt8], level0: [UInt8], upper: [UInt8]) {
        let index: HNSWIndex
        // Cosine rows are stored L2-normalised, so the dot metric ranks like cosine without renormalising.
        let graphMetric: Metric = metric == .l2 ? .l2 : .dot
        do {
            if let seed, seed.count <= vectors.count, seed.dimension == dimension, seed.metric == graphMetric,
                seed.parameters.m == parameters.m, seed.parameters.efConstruction == parameters.efConstruction
            {
                index = try HNSWIndex(extending: seed, capacity: vectors.count)
                try index.add(contentsOf: Array(vectors[seed.count...]), threads: graphBuildThreads)
            } else {
                index = try HNSWIndex(
                    dimension: dimension,
                    metric: graphMetric,
                    capacity: vectors.count,
                    parameters: parameters
                )
                try index.add(contentsOf: vectors, threads: graphBuildThreads)
            }
        } catch {
            throw StoreError(code: .badInput, message: "segment graph build failed: \(error)")
        }
        let graph = index.exportGraph()
        var header: [UInt8] = []
        header.appendLittleEndian(UInt32(parameters.m))
        header.appendLittleEndian(UInt32(parameters.efConstruction))
        header.appendLittleEndian(UInt32(parameters.efSearch))
        header.appendLittleEndian(UInt32(graphMetric == .l2 ? 3 : 1))
        header.appendLittleEndian(UInt32(bitPattern: graph.entryPoint))
        header.appendLittleEndian(UInt32(bitPattern: graph.maxLevel))
        header.appendLittleEndian(UInt64(graph.upper.count))
        header.appendLittleEndian(parameters.seed)
        var levels: [UInt8] = []
        for level in graph.levels { levels.appendLittleEndian(UInt32(bitPattern: level)) }
        var level0: [UInt8] = []
        level0.reserveCapacity(graph.level0.count * 4)
        for word in graph.level0 { level0.appendLittleEndian(word) }
        var upper: [UInt8] = []
        for word in graph.upper { upper.appendLittleEndian(word) }
        return (header, levels, level0, upper)
    }
}

extension SegmentReader {
    /// Loads the graph blocks, if present, as a search-only index over the mapping.
    static func loadGraph(
        file: MappedFile,
        blocks: [UInt32: SegmentFormat.BlockEntry],
        vectorOffset: Int,
        rowCount: Int,
        dimension: Int,
        corrupt: (String, Int) -> StoreError
    ) throws(StoreError) -> HNSWIndex? {
        guard let headerEntry = blocks[SegmentFormat.BlockKind.graphHeader.rawValue] else { return nil }
        guard let levelsEntry = blocks[SegmentFormat.BlockKind.graphLevels.rawValue],
            let level0Entry = blocks[SegmentFormat.BlockKind.graphLevel0.rawValue],
            let upperEntry = blocks[SegmentFormat.BlockKind.graphUpper.rawValue], rowCount > 0,
            headerEntry.storedBytes == SegmentFormat.graphHeaderBytes,
            [headerEntry, levelsEntry, level0Entry, upperEntry].allSatisfy({ $0.codec == 0 })
        else { throw corrupt("incomplete graph blocks", headerEntry.offsetBytes) }
        var reader = ByteReader(file.copy(headerEntry.offsetBytes..<(headerEntry.offsetBytes + 40)))
        guard let m = reader.readUInt32(), let efConstruction = reader.readUInt32(), let efSearch = reader.readUInt32(),
            let metricCode = reader.readUInt32(), metricCode == 1 || metricCode == 3, let entry = reader.readUInt32(),
            let top = reader.readUInt32(),
            let upperWords = reader.readUInt64(), let seed = reader.readUInt64(),
            (2...512).contains(m), (1...100_000).contains(efConstruction), (1...100_000).contains(efSearch),
            levelsEntry.storedBytes == rowCount * 4,
            level0Entry.storedBytes == rowCount * (2 * Int(m) + 1) * 4,
            UInt64(upperEntry.storedBytes) == upperWords * 4
        else { throw corrupt("graph header does not match its blocks", headerEntry.offsetBytes) }
        guard let base = file.bytes.baseAddress else { throw corrupt("empty mapping", 0) }
        let parameters = HNSWParameters(
            m: Int(m),
            efConstruction: Int(efConstruction),
            efSearch: Int(efSearch),
            seed: seed
        )
        let storage = HNSWGraphStorage(
            dimension: dimension,
            count: rowCount,
            entryPoint: Int32(bitPattern: entry),
            maxLevel: Int32(bitPattern: top),
            vectors: (base + vectorOffset).assumingMemoryBound(to: Float.self),
            levels: (base + levelsEntry.offsetBytes).assumingMemoryBound(to: Int32.self),
            level0: (base + level0Entry.offsetBytes).assumingMemoryBound(to: UInt32.self),
            upper: (base + upperEntry.offsetBytes).assumingMemoryBound(to: UInt32.self),
            upperCount: Int(upperWords),
            owner: file
        )
        do {
            return try HNSWIndex.load(storage, metric: metricCode == 3 ? .l2 : .dot, parameters: parameters)
        } catch {
            throw corrupt("\(error.message)", headerEntry.offsetBytes)
        }
    }
}
