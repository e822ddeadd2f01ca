import Foundation

extension LocalCollection {
    /// Reads the retained superseded versions (`versions/MANIFEST-N`, each verified) and the pins. The
    /// current version's own file is not one of them. A version file numbered above the current
    /// version is the leftover of a commit that crashed before its `MANIFEST` replacement: the writer
    /// removes it, a read-only open ignores it (there it may also be a commit in progress). A
    /// read-only open also skips files the writer removes while it reads.
    static func readHistory(
        directory: String,
        current: Manifest,
        readOnly: Bool
    ) throws(StoreError) -> VersionHistory {
        var history = VersionHistory()
        let pinsPath = directory + "/" + PinnedVersions.fileName
        if let bytes = try StoreFiles.readFile(pinsPath) {
            history.pins = try PinnedVersions.decode(bytes, file: pinsPath)
        }
        let versionsDirectory = directory + "/" + StoreFileName.versionsDirectory
        if !readOnly { try StoreFiles.createDirectory(versionsDirectory) }
        guard FileManager.default.fileExists(atPath: versionsDirectory) else { return history }
        var removed = false
        for name in try StoreFiles.list(versionsDirectory) {
            let path = versionsDirectory + "/" + name
            guard let number = StoreFileName.parseVersion(name) else { continue }
            if number > current.version, !readOnly {
                try StoreFiles.remove(path)
                removed = true
            }
            guard number < current.version, let manifest = try readVersion(number, in: directory) else { continue }
            history.add(manifest)
        }
        if removed { try StoreFiles.syncDirectory(of: versionsDirectory + "/" + StoreFileName.version(0)) }
        return history
    }

    /// The verified `versions/MANIFEST-<number>`, or `nil` when the file does not exist.
    ///
    /// - Throws: `StoreError.corruption` when it fails verification or holds another version.
    static func readVersion(_ number: UInt64, in directory: String) throws(StoreError) -> Manifest? {
        let path = versionPath(number, in: directory)
        guard let bytes = try StoreFiles.readFile(path) else { return nil }
        let manifest = try Manifest.decode(bytes, file: path)
        guard manifest.version == number else {
            throw StoreError(
                code: .corruption,
                message: "version file holds manifest version \(manifest.version)",
                file: path,
                offsetBytes: ChecksummedFile.headerBytes
            )
        }
        return manifest
    }

    /// Drops the versions out of retention at open (version files first, durably; their segments
    /// are then removed with every other unlisted file) and checks that every segment a retained
    /// version lists exists.
    static func applyRetention(
        _ history: inout VersionHistory,
        current: Manifest,
        directory: String,
        options: StoreOptions,
        nowMs: UInt64
    ) throws(StoreError) {
        let expired = history.expired(
            current: current,
            nowMs: nowMs,
            retentionMs: options.versionRetentionMs,
            countMax: options.versionCountMax
        )
        try removeVersionFiles(expired, in: directory)
        history.remove(expired)
        for manifest in history.manifests.values {
            for entry in manifest.segments {
                let path = directory + "/" + StoreFileName.segment(entry.fileNumber)
                guard FileManager.default.fileExists(atPath: path) else {
                    throw StoreError(
                        code: .corruption,
                        message: "segment \(StoreFileName.segment(entry.fileNumber)) listed by version "
                            + "\(manifest.version) is missing",
                        file: directory + "/" + StoreFileName.versionsDirectory + "/"
                            + StoreFileName.version(manifest.version)
                    )
                }
            }
        }
    }
}
