import Foundation

extension LocalCollection {
    /// Commits `next` as the current version (docs/formats/manifest.md, "A commit"): the manifest is
    /// written and `fsync`ed as `MANIFEST.tmp`, linked as `versions/MANIFEST-<next.version>` (durable),
    /// then renamed over `MANIFEST` — the commit point. So every version, the current one included,
    /// has an immutable version file from before it becomes current; read-only opens read that file
    /// instead of the `MANIFEST` the writer keeps replacing. A crash between the link and the rename
    /// leaves a version file above the current version, which the next open removes.
    static func commit(_ next: Manifest, in directory: String) throws(StoreError) {
        let manifestPath = directory + "/" + Manifest.fileName
        let temporary = manifestPath + ".tmp"
        try StoreFiles.writeDurably(temporary, with: next.encode())
        try StoreFiles.link(temporary, as: versionPath(next.version, in: directory))
        try StoreFiles.rename(temporary, to: manifestPath)
    }

    /// Gives the current `MANIFEST` its version file when it has none, or a stale one (a collection
    /// written before version files held the current version, or a number reused after a crash):
    /// a hard link, made durable. Called by a writable open before anything else can commit.
    static func linkCurrentVersion(
        _ manifestBytes: [UInt8],
        version: UInt64,
        in directory: String
    ) throws(StoreError) {
        let path = versionPath(version, in: directory)
        guard try StoreFiles.readFile(path) != manifestBytes else { return }
        try StoreFiles.link(directory + "/" + Manifest.fileName, as: path)
    }

    static func versionPath(_ version: UInt64, in directory: String) -> String {
        directory + "/" + StoreFileName.versionsDirectory + "/" + StoreFileName.version(version)
    }
}
