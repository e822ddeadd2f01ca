extension LocalCollection {
    /// One WAL file read and verified for replay.
    struct LoggedWrites {
        let path: String
        let scan: WALReader.Scan
        /// Bytes the file held when read (the torn tail, if any, is `fileBytes - scan.validBytes`).
        let fileBytes: Int
    }

    /// Reads and verifies the WAL files numbered `numbers` (ascending; only the last may end in a torn
    /// tail) and checks every upserted row against `schema`.
    ///
    /// - Throws: `StoreError.corruption` naming the file and offset; `StoreError.io` naming a file
    ///   that does not exist (any more) or cannot be read.
    static func readWAL(
        _ numbers: [UInt64],
        in directory: String,
        fileSystem: any StoreFileSystem,
        schema: CollectionSchema
    ) throws(StoreError) -> [LoggedWrites] {
        var logs: [LoggedWrites] = []
        for (index, number) in numbers.enumerated() {
            let path = directory + "/" + StoreFileName.wal(number)
            guard let bytes = try fileSystem.readFile(path) else {
                throw StoreError(code: .io, message: "WAL file removed while reading", file: path)
            }
            let scan = try WALReader.scan(bytes, file: path, isNewest: index == numbers.count - 1)
            for record in scan.records {
                guard case .upsert(_, _, let records) = record else { continue }
                for row in records {
                    if let problem = DocumentRowEncoding.check(row, against: schema) {
                        throw StoreError(code: .corruption, message: "WAL: \(problem)", file: path)
                    }
                }
            }
            logs.append(LoggedWrites(path: path, scan: scan, fileBytes: bytes.count))
        }
        return logs
    }

    /// Opens and verifies the segment a manifest entry names; `reusing` readers opened before are
    /// kept when they match the entry.
    ///
    /// - Throws: `StoreError.corruption` when the file is missing, damaged or differs from the entry
    ///   (size, rows or sequence).
    static func openSegment(
        _ entry: Manifest.SegmentEntry,
        in directory: String,
        fileSystem: any StoreFileSystem,
        schema: CollectionSchema,
        reusing opened: [UInt64: SegmentReader] = [:]
    ) throws(StoreError) -> SegmentReader {
        if let reader = opened[entry.fileNumber], reader.manifestEntry.describesSameFile(as: entry) { return reader }
        let path = directory + "/" + StoreFileName.segment(entry.fileNumber)
        guard fileSystem.fileExists(path) else {
            throw StoreError(code: .corruption, message: "segment listed by the MANIFEST is missing", file: path)
        }
        let segment = try SegmentReader(
            path: path,
            fileNumber: entry.fileNumber,
            schema: schema,
            fileSystem: fileSystem
        )
        guard segment.manifestEntry.describesSameFile(as: entry) else {
            throw StoreError(
                code: .corruption,
                message: "segment does not match its MANIFEST entry (size, rows or sequence)",
                file: path
            )
        }
        return segment
    }
}
