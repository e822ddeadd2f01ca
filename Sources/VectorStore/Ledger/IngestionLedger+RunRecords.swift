extension IngestionLedger {
    /// The subdirectory of the collection directory holding run records.
    public static let runsDirectory = "runs"
    /// Run records kept; recording one more removes the oldest.
    public static let runRecordsMax = 1_000
    /// Largest run record, in bytes.
    public static let runRecordBytesMax = 16 * 1024 * 1024

    /// Stores a run's report (JSON the caller encodes; the store does not read it) as
    /// `runs/run-{startedAtMs}.json` in the collection directory, atomically and durably, and removes
    /// the oldest records beyond `runRecordsMax`.
    ///
    /// - Parameter startedAtMs: when the run started, ms since 1970; names the file (zero-padded to
    ///   13 digits, so names sort by time).
    /// - Returns: the record's file name.
    /// - Throws: `StoreError.conflict` when read-only; `StoreError.badInput` for an oversized record;
    ///   `StoreError.io` when the disk refuses.
    @discardableResult
    public func recordRun(_ json: [UInt8], startedAtMs: UInt64) async throws(StoreError) -> String {
        guard !isReadOnly else {
            throw StoreError(code: .conflict, message: "the ledger is read-only: another process writes it", file: path)
        }
        guard json.count <= Self.runRecordBytesMax else {
            throw StoreError(code: .badInput, message: "run record of \(json.count) bytes is over the limit")
        }
        let digits = String(startedAtMs)
        let name = "run-" + String(repeating: "0", count: max(0, 13 - digits.count)) + digits + ".json"
        let (fileSystem, runs) = (fileSystem, directory + "/" + Self.runsDirectory)
        try await LocalCollection.offload { () throws(StoreError) in
            try fileSystem.createDirectoryDurably(runs)
            try fileSystem.replaceAtomically(runs + "/" + name, with: json)
            let names = try Self.runRecordNames(in: runs, fileSystem: fileSystem)
            try fileSystem.removeDurably(names.dropLast(Self.runRecordsMax).map { runs + "/" + $0 })
        }
        return name
    }

    /// The names of the stored run records, oldest first.
    public func runRecordNames() async throws(StoreError) -> [String] {
        let (fileSystem, runs) = (fileSystem, directory + "/" + Self.runsDirectory)
        return try await LocalCollection.offload { () throws(StoreError) in
            guard fileSystem.fileExists(runs) else { return [] }
            return try Self.runRecordNames(in: runs, fileSystem: fileSystem)
        }
    }

    /// The bytes of the run record `name` (from `runRecordNames()`), or `nil` when there is none.
    public func runRecord(named name: String) async throws(StoreError) -> [UInt8]? {
        guard Self.isRunRecordName(name) else { return nil }
        let (fileSystem, file) = (fileSystem, directory + "/" + Self.runsDirectory + "/" + name)
        return try await LocalCollection.offload { () throws(StoreError) in try fileSystem.readFile(file) }
    }

    private static func runRecordNames(in runs: String, fileSystem: any StoreFileSystem) throws(StoreError) -> [String]
    {
        try fileSystem.contentsOfDirectory(runs).filter(isRunRecordName).sorted()
    }

    private static func isRunRecordName(_ name: String) -> Bool {
        name.hasPrefix("run-") && name.hasSuffix(".json") && !name.contains("/")
            && UInt64(name.dropFirst(4).dropLast(5)) != nil
    }
}
