/// The ingestion ledger of a collection: what each source document was ingested from and into, so a
/// pipeline re-run skips what did not change and replaces what did (docs/formats/ledger.md). Kept
/// in the collection directory as `ledger.log`, written through the collection's `StoreFileSystem`
/// by the process holding the collection's writer lock. It knows source keys, hashes and document
/// ids — nothing of SEC filings.
///
/// Durability: `record` returns after the record is appended and `fsync`ed. Callers record a
/// source document as `ingested` only after its documents are durable in the collection, so a crash
/// between the two leaves the previous entry (or a `pending` one) and the next run ingests it again.
/// Records are appended one at a time, in call order; after a failed write the ledger refuses
/// further records (the bytes of a failed `fsync` may be lost: "fsyncgate"), until reopened.
public actor IngestionLedger {
    /// The ledger file.
    public nonisolated let path: String
    /// The collection directory.
    nonisolated let directory: String
    let fileSystem: any StoreFileSystem
    let clock: StoreClock
    /// Opened from a read-only collection: records are refused.
    public nonisolated let isReadOnly: Bool
    private var entries: [String: LedgerEntry]
    private var endOffsetBytes: Int
    private var failure: StoreError?
    private var writing = false
    private var writeWaiters: [CheckedContinuation<Void, Never>] = []

    /// Longest key, in UTF-8 bytes.
    public static let keyBytesMax = 1_024

    init(
        path: String,
        directory: String,
        fileSystem: any StoreFileSystem,
        clock: StoreClock,
        isReadOnly: Bool,
        entries: [String: LedgerEntry],
        endOffsetBytes: Int
    ) {
        self.path = path
        self.directory = directory
        self.fileSystem = fileSystem
        self.clock = clock
        self.isReadOnly = isReadOnly
        self.entries = entries
        self.endOffsetBytes = endOffsetBytes
    }

    /// The newest entry of `key`, or `nil` when it was never recorded.
    public func entry(for key: String) -> LedgerEntry? { entries[key] }

    /// Number of keys recorded.
    public var count: Int { entries.count }

    /// The newest entry of every key, sorted by key.
    public func allEntries() -> [LedgerEntry] { entries.values.sorted { $0.key < $1.key } }

    /// Appends `entry` (its `recordedAtMs` set to now) and makes it durable; it replaces the key's
    /// previous entry.
    ///
    /// - Throws: `StoreError.badInput` for an empty or over-long key or an oversized entry;
    ///   `StoreError.conflict` when the ledger is read-only; `StoreError.io` when the disk refuses
    ///   (then, and after any earlier failure, nothing more is recorded until the collection is reopened).
    public func record(_ entry: LedgerEntry) async throws(StoreError) {
        guard !isReadOnly else {
            throw StoreError(code: .conflict, message: "the ledger is read-only: another process writes it", file: path)
        }
        guard !entry.key.isEmpty, entry.key.utf8.count <= Self.keyBytesMax else {
            throw StoreError(code: .badInput, message: "ledger key must be 1 to \(Self.keyBytesMax) UTF-8 bytes")
        }
        var stamped = entry
        stamped.recordedAtMs = clock.nowMs
        let bytes = try LedgerLog.record(stamped, file: path)
        await beginWrite()
        defer { endWrite() }
        if let failure { throw failure }
        let (fileSystem, path, offset) = (fileSystem, path, endOffsetBytes)
        do {
            try await LocalCollection.offload { () throws(StoreError) in
                try fileSystem.writeSynced(path, with: bytes, atOffset: offset)
            }
        } catch {
            failure = error
            throw error
        }
        endOffsetBytes += bytes.count
        entries[stamped.key] = stamped
    }

    /// Waits until no other append runs: appends go to the file one after another, so a crash never
    /// leaves a hole before a durable record.
    private func beginWrite() async {
        guard writing else {
            writing = true
            return
        }
        await withCheckedContinuation { writeWaiters.append($0) }
    }

    /// Hands the turn to the next waiting append, if any.
    private func endWrite() {
        if writeWaiters.isEmpty {
            writing = false
        } else {
            writeWaiters.removeFirst().resume()
        }
    }
}
