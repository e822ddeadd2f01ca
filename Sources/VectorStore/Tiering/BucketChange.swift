/// What one publish carries from the local directory to the bucket (docs/tiering.md, "A commit"):
/// the difference between the local version published last and the local version now.
///
/// Segment file numbers are unique across writers (writer claims), so a number names one segment
/// in every manifest, local or in the bucket.
struct BucketChange: Sendable, Equatable {
    /// Segments of the new local version the old one lacks (flush outputs, compaction outputs).
    var added: [Manifest.SegmentEntry]
    /// Segments the old local version lists and the new one does not (compaction inputs).
    var removed: Set<UInt64>
    /// Segments in both whose deletion vector changed, with their new local entry.
    var redeleted: [Manifest.SegmentEntry]
    /// The new local version (its counters are carried over).
    var local: Manifest

    init(from published: Manifest, to local: Manifest) {
        let before = Dictionary(published.segments.map { ($0.fileNumber, $0) }, uniquingKeysWith: { $1 })
        let after = Set(local.segments.map(\.fileNumber))
        added = local.segments.filter { before[$0.fileNumber] == nil }
        removed = Set(before.keys).subtracting(after)
        redeleted = local.segments.filter { entry in
            guard let old = before[entry.fileNumber] else { return false }
            return old.deletionVersion != entry.deletionVersion || old.deletedCount != entry.deletedCount
        }
        self.local = local
    }

    /// Whether there is anything to publish.
    var isEmpty: Bool { added.isEmpty && removed.isEmpty && redeleted.isEmpty }

    /// The deletion vectors the next bucket version names anew: (segment, the local file's version).
    var deletionSources: [(segment: UInt64, localVersion: UInt64)] {
        (redeleted + added).filter { $0.deletedCount > 0 }.map { ($0.fileNumber, $0.deletionVersion) }
    }

    /// The bucket version after `latest` with this change applied (the rebase), when it still
    /// applies: every removed segment is still listed, and every segment whose deletions it changes
    /// has in `latest` the deletion vector it had in `base` (the bucket version this writer
    /// committed or read last). Deletion vectors are renamed to the new version (`del-S-V` with `V`
    /// the bucket version), so their keys are unique to the commit that names them first.
    ///
    /// - Throws: `StoreError.conflict` naming the segment when it does not apply.
    func applied(to latest: Manifest, base: Manifest) throws(StoreError) -> Manifest {
        var next = latest
        next.version = latest.version + 1
        next.commitTimeMs = max(latest.commitTimeMs, local.commitTimeMs)
        next.nextFileNumber = max(latest.nextFileNumber, local.nextFileNumber)
        next.walFileNumber = max(latest.walFileNumber, local.walFileNumber)
        next.flushedSequence = max(latest.flushedSequence, local.flushedSequence)
        next.tracksDeletions = true
        for number in removed.sorted() {
            guard let index = next.segments.firstIndex(where: { $0.fileNumber == number }) else {
                throw Self.conflict("segment \(number) this writer compacted was removed by another writer", next)
            }
            next.segments.remove(at: index)
        }
        let baseEntries = Dictionary(base.segments.map { ($0.fileNumber, $0) }, uniquingKeysWith: { $1 })
        for entry in redeleted {
            guard let index = next.segments.firstIndex(where: { $0.fileNumber == entry.fileNumber }) else {
                throw Self.conflict("segment \(entry.fileNumber) whose rows this writer deleted is gone", next)
            }
            let current = next.segments[index]
            if let known = baseEntries[entry.fileNumber],
                known.deletionVersion != current.deletionVersion || known.deletedCount != current.deletedCount
            {
                throw Self.conflict("another writer deleted rows of segment \(entry.fileNumber) too", next)
            }
            next.segments[index] = Self.renamed(entry, to: next.version)
        }
        for entry in added {
            guard !next.segments.contains(where: { $0.fileNumber == entry.fileNumber }) else {
                throw Self.conflict("segment \(entry.fileNumber) is already listed", next)
            }
            next.segments.append(Self.renamed(entry, to: next.version))
        }
        return next
    }

    private static func renamed(_ entry: Manifest.SegmentEntry, to version: UInt64) -> Manifest.SegmentEntry {
        var entry = entry
        entry.deletionVersion = entry.deletedCount > 0 ? version : 0
        return entry
    }

    private static func conflict(_ what: String, _ next: Manifest) -> StoreError {
        StoreError(
            code: .conflict,
            message: "bucket commit conflict at version \(next.version): \(what); reopen the collection from the bucket"
        )
    }
}
