import Foundation
import Logging

/// A collection in one local directory, as an LSM store (docs/concurrency.md, docs/formats/):
/// `collection.json` (name, model, schema), a `MANIFEST`, write-ahead-log files `wal-N.log`, immutable
/// segments `seg-N.vseg`, retained older manifest versions `versions/MANIFEST-N` and the pins `PINS`.
///
/// The actor is the **single writer**: it owns the WAL, the memtable and the manifest. A write is
/// validated, appended to the WAL, made durable (group commit), then applied to the memtable; when
/// the memtable reaches `StoreOptions.memtableBytesMax` it is frozen and flushed to a segment off the
/// actor while new writes go to a fresh memtable and WAL file. A full size tier is compacted by a
/// background task the actor owns (`scheduleMaintenance`, `close()`). Searches take an immutable
/// snapshot from the actor and run outside it.
public actor LocalCollection: DocumentCollection {
    /// Fixed at creation but for schema evolution (`addField`), which rewrites `collection.json`.
    public internal(set) var info: CollectionInfo
    let directory: String
    /// Every file operation of the collection goes through it (`LocalStore(fileSystem:)`).
    let fileSystem: any StoreFileSystem
    let options: StoreOptions
    let logger: Logger
    let clock: StoreClock
    /// Paces background compaction's writes (`StoreOptions.compactionBytesPerSecond`).
    let maintenanceClock: MaintenanceClock

    var manifest: Manifest
    var segments: [SegmentReader]
    var memtable: MemTable
    /// The memtable being flushed, searchable until its segment is live.
    var frozen: SearchSource?
    /// Which stored rows are live (deletion bitmaps per segment), kept up to date by every write,
    /// flush and compaction.
    var liveness: Liveness
    var nextSequence: UInt64 = 1
    /// `nil` when the collection is open read-only (another process holds the writer lock).
    let wal: WALWriter?
    /// The directory's writer lock, held for the collection's lifetime (`nil` when read-only).
    let lock: CollectionLock?
    /// Writes appended to the WAL but not yet applied to the memtable (awaiting their `fsync`).
    var pendingWrites = 0
    var cachedSnapshot: CollectionSnapshot?
    /// Set when a flush or compaction failed: the WAL still holds the data, but further writes are
    /// refused until the collection is reopened.
    var failure: StoreError?
    /// A compaction is running (at most one; flushes go on meanwhile).
    var compacting = false
    /// The background compaction task (`scheduleMaintenance`); `nil` when none runs.
    var maintenance: Task<Void, Never>?
    /// The background scrub (`startMaintenance`); `nil` when none runs.
    var scrubbing: Task<Void, Never>?
    /// When each open segment (by file number) was last scrubbed, on `maintenanceClock`.
    var scrubbedAt: [UInt64: Duration] = [:]
    /// Set by `close()`: writes are refused and no compaction starts.
    var isClosed = false
    /// The next number for a new WAL or segment file: numbers are taken on the actor
    /// (`takeFileNumber`), so a flush and a compaction running together never collide.
    var nextFileNumber: UInt64
    /// A manifest commit is in progress (`commitVersion`); the ones waiting for their turn, in order.
    var committing = false
    var commitWaiters: [CheckedContinuation<Void, Never>] = []
    /// The retained superseded versions and the pins (`asOf` searches, `snapshots()`).
    var history: VersionHistory
    /// Snapshots of older versions already built, by version (immutable; a few at most). They hold
    /// the only readers of segments the current version no longer lists, so the memory of old
    /// versions stays bounded.
    var versionSnapshots: [UInt64: CollectionSnapshot] = [:]
    /// The ingestion ledger, opening or open (`ingestionLedger()`); `nil` until first asked for.
    var ledgerOpening: Task<Result<IngestionLedger, StoreError>, Never>?
    /// Mirrors commits to the collection's bucket (`attachBucket`); `nil` without one.
    var publisher: BucketPublisher?
    /// The background upload task (`durability = "local"`); `nil` when none runs.
    var uploading: Task<Void, Never>?
    /// The newest committed version the upload task has still to publish (a queue bounded at one:
    /// a later commit replaces it, and one publish carries all their changes).
    var uploadTarget: Manifest?

    init(
        info: CollectionInfo,
        directory: String,
        fileSystem: any StoreFileSystem,
        options: StoreOptions,
        logger: Logger,
        clock: StoreClock,
        maintenanceClock: MaintenanceClock = .continuous,
        recovered: Recovery
    ) {
        self.info = info
        self.clock = clock
        self.maintenanceClock = maintenanceClock
        self.directory = directory
        self.fileSystem = fileSystem
        self.options = options
        self.logger = logger
        manifest = recovered.manifest
        nextFileNumber = recovered.manifest.nextFileNumber
        segments = recovered.segments
        memtable = recovered.memtable
        liveness = recovered.liveness
        nextSequence = recovered.nextSequence
        wal = recovered.wal
        lock = recovered.lock
        history = recovered.history
    }

    /// `true` when another process was writing the directory at open: searches work on the state
    /// recovered then; writes are refused.
    public nonisolated var isReadOnly: Bool { lock == nil }

    /// Number of live records (not deleted, not expired).
    public var count: Int { snapshot().liveCount }

    /// Upserts a batch: all documents become durable and visible together, or none (see
    /// `DocumentCollection.upsert`). The batch is validated against the schema first; any invalid
    /// document refuses the whole batch and nothing is written.
    public func upsert(_ batch: [Document]) async throws(StoreError) {
        guard !batch.isEmpty else { return }
        let rows = try info.schema.rows(for: batch, batchRecordsMax: options.batchRecordsMax)
        try await write { .upsert(firstSequence: $0, writtenAtMs: clock.nowMs, records: rows) }
    }

    /// Adds a field to the schema (schema evolution): `collection.json` is replaced atomically; no
    /// WAL or segment is rewritten — rows stored before read the field's default, or miss it.
    ///
    /// - Throws: `StoreError.badInput` (`badSchema`) when the name is taken or the field is required
    ///   without a default; `StoreError.io` when the collection is read-only or the disk refuses.
    public func addField(_ field: FieldDefinition) async throws(StoreError) {
        try await evolve(to: try info.schema.adding(field))
    }

    /// Replaces the schema by `schema`, which must extend the current one (fields appended).
    func evolve(to schema: CollectionSchema) async throws(StoreError) {
        _ = try acceptingWAL()
        // One schema change or manifest commit at a time: the file written is the one kept.
        await beginCommit()
        defer { endCommit() }
        guard schema.extends(info.schema) else {
            throw .violation(.badSchema, "schema change is not an evolution (only appended fields are)")
        }
        guard schema != info.schema else { return }
        var evolved = info
        evolved.schema = schema
        let (path, fileSystem, written) = (path(Self.infoFileName), fileSystem, evolved)
        try await Self.offload { () throws(StoreError) in try Self.writeInfo(written, to: path, fileSystem: fileSystem)
        }
        info = evolved
        cachedSnapshot = nil
    }

    /// Every live document (tests and tools).
    func documents() -> [Document] { snapshot().documents() }

    /// Deletes the records with these ids (absent ids are ignored); durable when it returns.
    public func delete(_ ids: [String]) async throws(StoreError) {
        guard !ids.isEmpty else { return }
        try checkBatchSize(ids.count)
        for id in ids { try validate(id: id) }
        try await write { .delete(firstSequence: $0, ids: ids) }
    }

    /// Searches a snapshot taken now, or the committed version `request.asOf` selects; the search
    /// itself runs outside the actor.
    /// A block that fails verification while the search reads it fails the search
    /// (`StoreError.corruption` naming the segment and offset).
    public nonisolated func search(_ request: SearchRequest) async throws(StoreError) -> [SearchHit] {
        try await searchExplained(request).hits
    }

    /// The immutable view of the collection now; cached until the next write or flush, or until a
    /// live row expires.
    func snapshot() -> CollectionSnapshot {
        let nowMs = clock.nowMs
        if let cachedSnapshot, nowMs < cachedSnapshot.nextExpiryMs { return cachedSnapshot }
        var sources = segments.map(\.source)
        var deleted = segments.map { liveness.deleted[$0.fileNumber] }
        if let frozen {
            sources.append(frozen)
            deleted.append(liveness.frozenDeleted)
        }
        if !memtable.isEmpty { sources.append(SearchSource(memtable: memtable, schema: info.schema)) }
        let snapshot = CollectionSnapshot(
            info: info,
            sources: sources,
            deleted: deleted,
            nowMs: nowMs,
            ttlMs: options.ttlMs
        )
        cachedSnapshot = snapshot
        return snapshot
    }

    /// Appends to the WAL, waits for durability, applies to the memtable, and flushes when full.
    private func write(_ makeRecord: (_ firstSequence: UInt64) -> WALRecord) async throws(StoreError) {
        let wal = try acceptingWAL()
        let record = makeRecord(nextSequence)
        let bytes = try record.encode()
        // Sequences are taken in this actor turn and the append is queued in it too, so records
        // land in the WAL in sequence order; a failed append poisons the log (no gap is ever used).
        nextSequence += UInt64(record.rowCount)
        pendingWrites += 1
        do {
            let ticket = try await wal.append(bytes).value()
            try await wal.waitDurable(ticket)
        } catch {
            pendingWrites -= 1
            throw error
        }
        pendingWrites -= 1
        apply(record)
        if memtable.estimatedBytes >= options.memtableBytesMax, pendingWrites == 0, frozen == nil {
            // The write is durable and applied: a failed flush does not fail it. The flush logs its
            // error and keeps it in `failure`, which refuses the next writes.
            do {
                try await flush()
                scheduleMaintenance()
            } catch {}
        }
    }

    /// The WAL, when the collection accepts changes: not failed, not closed, not read-only.
    func acceptingWAL() throws(StoreError) -> WALWriter {
        if let failure { throw failure }
        guard !isClosed else {
            throw StoreError(code: .conflict, message: "collection '\(info.name)' is closed", file: directory)
        }
        guard let wal else {
            throw StoreError(
                code: .io,
                message: "collection '\(info.name)' is open read-only: another process is writing it",
                file: directory
            )
        }
        return wal
    }

    /// Applies a durable record to the deletion bitmaps (the versions it supersedes) and the memtable.
    /// A primary-key block that fails verification fails the collection (`failure`): the write is
    /// durable in the WAL, and a reopen reports the damaged segment.
    func apply(_ record: WALRecord) {
        do {
            try liveness.supersede(record, memtable: memtable, segments: segments)
        } catch {
            failure = error
            logger.error("a segment failed verification during a write; reopen", metadata: ["error": "\(error)"])
        }
        memtable.apply(record)
        cachedSnapshot = nil
    }

    private func checkBatchSize(_ count: Int) throws(StoreError) {
        guard count <= options.batchRecordsMax else {
            throw .violation(
                .oversizedBatch,
                "batch of \(count) records is over the \(options.batchRecordsMax)-record limit; split it"
            )
        }
    }

    private func validate(id: String) throws(StoreError) {
        guard !id.isEmpty, id.utf8.count <= WALRecord.idBytesMax else {
            throw .violation(.badKey, "id must be 1-\(WALRecord.idBytesMax) bytes", document: String(id.prefix(64)))
        }
    }
}
