import Foundation

extension LocalCollection {
    /// Commits the next version: `change` edits a copy of the current manifest (version, commit time
    /// and `nextFileNumber` are set here) and returns the files the version names that must exist
    /// first (deletion vectors, created durably before the manifest), the result is made durable off
    /// the actor (`commit`), and
    /// `apply` updates the in-memory state in the same actor turn as `manifest`, so no snapshot sees
    /// one without the other. The outgoing version becomes a retained one.
    ///
    /// One commit at a time: a flush and the background compaction both commit, each editing the
    /// manifest as the other left it. A caller waits only for the commit before it (a few `fsync`s),
    /// never for a compaction's merge or paced write.
    func commitVersion(
        _ change: (inout Manifest) -> [(name: String, bytes: [UInt8])],
        apply: () -> Void
    ) async throws(StoreError) {
        await beginCommit()
        defer { endCommit() }
        var next = manifest
        next.version += 1
        next.commitTimeMs = max(manifest.commitTimeMs, clock.nowMs)
        let files = change(&next)
        // Written in format 3, which names every segment's deletions (`Liveness.committedUnrecorded`).
        next.tracksDeletions = true
        next.nextFileNumber = nextFileNumber
        let committed = next
        let (directory, fileSystem) = (self.directory, self.fileSystem)
        try await Self.offload { () throws(StoreError) in
            for file in files { try fileSystem.createDurably(directory + "/" + file.name, with: file.bytes) }
            try Self.commit(committed, in: directory, fileSystem: fileSystem)
        }
        history.add(manifest)
        manifest = committed
        apply()
        cachedSnapshot = nil
        try await publishCommitted()
    }

    /// Waits until no other commit is in progress, then holds the turn (handed over in order).
    func beginCommit() async {
        guard committing else {
            committing = true
            return
        }
        await withCheckedContinuation { commitWaiters.append($0) }
    }

    func endCommit() {
        if commitWaiters.isEmpty {
            committing = false
        } else {
            commitWaiters.removeFirst().resume()
        }
    }

    /// A new WAL or segment file number, unique in the collection.
    func takeFileNumber() -> UInt64 {
        defer { nextFileNumber += 1 }
        return nextFileNumber
    }

    /// Commits `next` as the current version (docs/formats/manifest.md, "A commit"): the manifest is
    /// written and `fsync`ed as `MANIFEST.tmp`, linked as `versions/MANIFEST-<next.version>` (durable),
    /// then renamed over `MANIFEST` — the commit point. So every version, the current one included,
    /// has an immutable version file from before it becomes current; read-only opens read that file
    /// instead of the `MANIFEST` the writer keeps replacing. A crash between the link and the rename
    /// leaves a version file above the current version, which the next open removes.
    static func commit(_ next: Manifest, in directory: String, fileSystem: any StoreFileSystem) throws(StoreError) {
        let manifestPath = directory + "/" + Manifest.fileName
        let temporary = manifestPath + ".tmp"
        try fileSystem.writeSynced(temporary, with: next.encode())
        try fileSystem.linkDurably(temporary, as: versionPath(next.version, in: directory))
        try fileSystem.renameDurably(temporary, to: manifestPath)
    }

    /// Gives the current `MANIFEST` its version file when it has none, or a stale one (a collection
    /// written before version files held the current version, or a number reused after a crash):
    /// a hard link, made durable. Called by a writable open before anything else can commit.
    static func linkCurrentVersion(
        _ manifestBytes: [UInt8],
        version: UInt64,
        in directory: String,
        fileSystem: any StoreFileSystem
    ) throws(StoreError) {
        let path = versionPath(version, in: directory)
        guard try fileSystem.readFile(path) != manifestBytes else { return }
        try fileSystem.linkDurably(directory + "/" + Manifest.fileName, as: path)
    }

    static func versionPath(_ version: UInt64, in directory: String) -> String {
        directory + "/" + StoreFileName.versionsDirectory + "/" + StoreFileName.version(version)
    }
}
