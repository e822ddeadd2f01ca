import Glibc

extension HNSWIndex {
    /// Writes the index to `path` in the index file format (docs/hnsw.md): header, vectors, graph
    /// and, when trained, int8 codes. Written to `path.tmp`, fsynced, then renamed over `path`, so a
    /// reader sees the old file or the whole new one. Must not overlap `add`.
    ///
    /// - Throws: `HNSWError.badInput` for an empty index or a failed system call (naming the file).
    public func write(to path: String) throws(HNSWError) {
        let total = count
        guard total > 0 else { throw HNSWError(code: .badInput, message: "cannot write an empty index", file: path) }
        let graph = exportGraph()
        let quantized = exportCodes()
        let offsets = quantized?.quantizer.offsets ?? []
        let result = graph.upper.withUnsafeBytes { upper in
            offsets.withUnsafeBytes { offsetBytes in
                let none = UnsafeRawBufferPointer(start: nil, count: 0)
                let payloads: [UnsafeRawBufferPointer] = [
                    UnsafeRawBufferPointer(start: vectors, count: total * dimension * 4),
                    UnsafeRawBufferPointer(start: nodeLevels, count: total * 4),
                    UnsafeRawBufferPointer(start: level0, count: total * level0Stride * 4),
                    upper,
                    quantized == nil ? none : offsetBytes,
                    quantized == nil ? none : UnsafeRawBufferPointer(start: codes, count: total * codeStride),
                    quantized == nil ? none : UnsafeRawBufferPointer(start: codeCorrections, count: total * 4),
                ]
                let header = fileHeader(graph: graph, codes: quantized, payloads: payloads)
                return Result { () throws(HNSWError) in
                    try IndexFileWriter.write(
                        header: header.encoded(),
                        sections: Array(zip(header.sections, payloads)),
                        to: path
                    )
                }
            }
        }
        try result.get()
    }

    /// The header for `payloads` laid out in order, each at the next 64-byte boundary.
    private func fileHeader(
        graph: (entryPoint: Int32, maxLevel: Int32, levels: [Int32], level0: [UInt32], upper: [UInt32]),
        codes: (quantizer: ScalarQuantizer, codeStride: Int, codes: [UInt8], corrections: [Float])?,
        payloads: [UnsafeRawBufferPointer]
    ) -> IndexFileFormat.Header {
        var sections: [IndexFileFormat.SectionEntry] = []
        var offset = IndexFileFormat.headerBytes
        for payload in payloads {
            let start = payload.isEmpty ? 0 : IndexFileFormat.aligned(offset)
            let checksum = IndexFileFormat.checksum(payload)
            sections.append(
                IndexFileFormat.SectionEntry(offsetBytes: start, sizeBytes: payload.count, checksum: checksum)
            )
            if !payload.isEmpty { offset = start + payload.count }
        }
        return IndexFileFormat.Header(
            metric: metric,
            dimension: dimension,
            m: parameters.m,
            count: graph.levels.count,
            efConstruction: parameters.efConstruction,
            efSearch: parameters.efSearch,
            seed: parameters.seed,
            entryPoint: graph.entryPoint,
            maxLevel: graph.maxLevel,
            quantization: codes == nil ? .none : .int8,
            codeStride: codes?.codeStride ?? 0,
            step: codes?.quantizer.step ?? 0,
            sections: sections
        )
    }

    /// Opens an index file written by `write(to:)` for search, memory-mapped: vectors, links and
    /// codes are used in place. The header, every section's size and alignment and (unless
    /// `verifyChecksums` is false) every section's checksum are checked, then every link as in
    /// `load(_:metric:parameters:)`.
    ///
    /// - Throws: `HNSWError.corruption` naming the file and the byte offset of the damaged part;
    ///   `HNSWError.badInput` when the file cannot be opened or mapped.
    public static func open(path: String, verifyChecksums: Bool = true) throws(HNSWError) -> HNSWIndex {
        let mapping = try IndexFileMapping(path: path)
        return try IndexFileReader(mapping: mapping).index(verifyChecksums: verifyChecksums)
    }
}

/// Writes header and sections (zero-padded to their offsets) to a temporary file, fsyncs, renames.
private enum IndexFileWriter {
    static func write(
        header: [UInt8],
        sections: [(IndexFileFormat.SectionEntry, UnsafeRawBufferPointer)],
        to path: String
    ) throws(HNSWError) {
        let temporary = path + ".tmp"
        let descriptor = Glibc.open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("open", temporary) }
        var written = 0
        /// Writes all of `bytes`; `false` on a failed write (errno is set).
        func put(_ bytes: UnsafeRawBufferPointer) -> Bool {
            var done = 0
            while done < bytes.count {
                let result = Glibc.write(descriptor, bytes.baseAddress.unsafelyUnwrapped + done, bytes.count - done)
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { return false }
                done += result
            }
            written += bytes.count
            return true
        }
        var complete = header.withUnsafeBytes { put($0) }
        let padding = [UInt8](repeating: 0, count: IndexFileFormat.sectionAlignmentBytes)
        for (entry, payload) in sections where complete && !payload.isEmpty {
            let gap = entry.offsetBytes - written
            complete = padding.withUnsafeBytes { put(UnsafeRawBufferPointer(rebasing: $0[0..<gap])) } && put(payload)
        }
        guard complete, fsync(descriptor) == 0 else {
            let error = failure(complete ? "fsync" : "write", temporary)
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else { throw failure("rename", path) }
    }

    private static func failure(_ call: String, _ path: String) -> HNSWError {
        HNSWError(code: .badInput, message: "\(call) failed: \(String(cString: strerror(errno)))", file: path)
    }
}
