/// Checks a mapped index file against its header and builds a search-only index over it.
struct IndexFileReader {
    let mapping: IndexFileMapping

    private func corrupt(_ message: String, at offset: Int) -> HNSWError {
        HNSWError(code: .corruption, message: "HNSW index file: \(message)", file: mapping.path, offsetBytes: offset)
    }

    func index(verifyChecksums: Bool) throws(HNSWError) -> HNSWIndex {
        let bytes = mapping.bytes
        let header: IndexFileFormat.Header
        header = try IndexFileFormat.Header.decode(bytes) { corrupt($0, at: 0) }
        let parameters = HNSWParameters(
            m: header.m,
            efConstruction: header.efConstruction,
            efSearch: header.efSearch,
            seed: header.seed,
            quantization: header.quantization
        )
        do throws(HNSWError) { try parameters.validate() } catch { throw corrupt(error.message, at: 20) }
        let count = header.count
        let dimension = header.dimension
        let quantized = header.quantization == .int8
        guard count >= 1, (1...65_536).contains(dimension) else { throw corrupt("bad node count or dimension", at: 16) }
        guard !quantized || (header.codeStride >= dimension && header.codeStride <= dimension + 64) else {
            throw corrupt("bad code stride \(header.codeStride)", at: 60)
        }
        let expected: [Int?] = [
            count * dimension * 4, count * 4, count * (2 * header.m + 1) * 4, nil,
            quantized ? dimension * 4 : 0, quantized ? count * header.codeStride : 0, quantized ? count * 4 : 0,
        ]
        var end = IndexFileFormat.headerBytes
        var regions: [UnsafeRawPointer?] = []
        for (index, entry) in header.sections.enumerated() {
            let tableOffset = IndexFileFormat.sectionTableOffsetBytes + index * 24
            if let size = expected[index], entry.sizeBytes != size {
                throw corrupt("section \(index) holds \(entry.sizeBytes) bytes, expected \(size)", at: tableOffset)
            }
            guard entry.sizeBytes % 4 == 0 else {
                throw corrupt("section \(index) size is not whole words", at: tableOffset)
            }
            guard entry.sizeBytes > 0 else {
                regions.append(nil)
                continue
            }
            guard entry.offsetBytes >= end, entry.offsetBytes % IndexFileFormat.sectionAlignmentBytes == 0,
                entry.sizeBytes <= bytes.count - entry.offsetBytes
            else { throw corrupt("section \(index) lies outside the file or out of order", at: tableOffset) }
            let region = UnsafeRawBufferPointer(
                rebasing: bytes[entry.offsetBytes..<(entry.offsetBytes + entry.sizeBytes)]
            )
            if verifyChecksums, IndexFileFormat.checksum(region) != entry.checksum {
                throw corrupt("section \(index) checksum mismatch", at: entry.offsetBytes)
            }
            regions.append(region.baseAddress)
            end = entry.offsetBytes + entry.sizeBytes
        }
        guard end == bytes.count else { throw corrupt("\(bytes.count - end) bytes after the last section", at: end) }
        guard let vectors = regions[0], let levels = regions[1], let level0 = regions[2] else {
            throw corrupt("a required section is empty", at: IndexFileFormat.sectionTableOffsetBytes)
        }
        let storage = HNSWGraphStorage(
            dimension: dimension,
            count: count,
            entryPoint: header.entryPoint,
            maxLevel: header.maxLevel,
            vectors: vectors.assumingMemoryBound(to: Float.self),
            levels: levels.assumingMemoryBound(to: Int32.self),
            level0: level0.assumingMemoryBound(to: UInt32.self),
            // An index whose nodes all sit on level 0 has no upper section; the pointer is then never read.
            upper: (regions[3] ?? level0).assumingMemoryBound(to: UInt32.self),
            upperCount: header.sections[3].sizeBytes / 4,
            quantized: try quantizedStorage(header, regions),
            owner: mapping
        )
        do throws(HNSWError) {
            return try HNSWIndex.load(storage, metric: header.metric, parameters: parameters)
        } catch {
            throw corrupt(error.message, at: header.sections[2].offsetBytes)
        }
    }

    private func quantizedStorage(
        _ header: IndexFileFormat.Header,
        _ regions: [UnsafeRawPointer?]
    ) throws(HNSWError) -> HNSWQuantizedStorage? {
        guard header.quantization == .int8 else { return nil }
        guard let offsets = regions[4], let codes = regions[5], let corrections = regions[6] else {
            throw corrupt("int8 sections missing", at: IndexFileFormat.sectionTableOffsetBytes)
        }
        let offsetValues = Array(
            UnsafeBufferPointer(start: offsets.assumingMemoryBound(to: Float.self), count: header.dimension)
        )
        let quantizer: ScalarQuantizer
        do throws(HNSWError) { quantizer = try ScalarQuantizer(offsets: offsetValues, step: header.step) } catch {
            throw corrupt(error.message, at: 64)
        }
        return HNSWQuantizedStorage(
            quantizer: quantizer,
            codeStride: header.codeStride,
            codes: codes.assumingMemoryBound(to: UInt8.self),
            corrections: corrections.assumingMemoryBound(to: Float.self)
        )
    }
}
