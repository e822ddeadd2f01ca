extension IngestionLedger {
    /// Compaction rewrites the file when it holds more than this many records and more than twice
    /// as many records as keys.
    static let compactionRecordsMin = 1_024

    /// Opens the ledger of the collection directory `directory`, reading every record. A writable
    /// open creates the file when it is missing (durably), cuts a torn tail off, and rewrites a file
    /// mostly made of superseded records with one record per key (atomically: temp file, `fsync`,
    /// `rename`, directory `fsync`). A read-only open changes nothing. Blocking: call it off the pool.
    ///
    /// - Throws: `StoreError.corruption` with the file and offset when a record is damaged;
    ///   `StoreError.io` when the disk refuses.
    static func open(
        directory: String,
        fileSystem: any StoreFileSystem,
        clock: StoreClock,
        isReadOnly: Bool
    ) throws(StoreError) -> IngestionLedger {
        let path = directory + "/" + LedgerLog.fileName
        let bytes = try fileSystem.readFile(path) ?? []
        let scan = try LedgerLog.scan(bytes, file: path)
        var latest: [String: LedgerEntry] = [:]
        for entry in scan.entries { latest[entry.key] = entry }
        var endOffsetBytes = scan.validBytes
        if !isReadOnly {
            if fileSystem.fileExists(path + ".tmp") { try fileSystem.remove(path + ".tmp") }
            let compacts = scan.entries.count > max(compactionRecordsMin, 2 * latest.count)
            if scan.validBytes < LedgerLog.fileHeaderBytes || compacts {
                var rewritten = LedgerLog.fileHeader()
                for entry in latest.values.sorted(by: { $0.key < $1.key }) {
                    rewritten += try LedgerLog.record(entry, file: path)
                }
                try fileSystem.replaceAtomically(path, with: rewritten)
                endOffsetBytes = rewritten.count
            } else if scan.validBytes < bytes.count {
                try fileSystem.truncateSynced(path, toBytes: scan.validBytes)
            }
        }
        return IngestionLedger(
            path: path,
            directory: directory,
            fileSystem: fileSystem,
            clock: clock,
            isReadOnly: isReadOnly,
            entries: latest,
            endOffsetBytes: endOffsetBytes
        )
    }
}
