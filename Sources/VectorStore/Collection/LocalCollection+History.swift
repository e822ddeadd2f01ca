extension LocalCollection {
    /// Reads the retained superseded versions (`versions/MANIFEST-N`, each verified) and the pins. The
    /// current version's own file is not one of them. A version file numbered above the current
    /// version is the leftover of a commit that crashed before its `MANIFEST` replacement: the writer
    /// removes it, a read-only open ignores it (there it may also be a commit in progress). A
    /// read-only open also skips files the writer removes while it reads.
    static func readHistory(
        directory: String,
        fileSystem: any StoreFileSystem,
        current: Manifest,
        readOnly: Bool
    ) throws(StoreError) -> VersionHistory {
        var history = VersionHistory()
        let pinsPath = directory + "/" + PinnedVersions.fileName
        if let bytes = try fileSystem.readFile(pinsPath) {
            history.pins = try PinnedVersions.decode(bytes, file: pinsPath)
        }
        let versionsDirectory = directory + "/" + StoreFileName.versionsDirectory
        if !readOnly { try fileSystem.createDirectoryDurably(versionsDirectory) }
        guard fileSystem.fileExists(versionsDirectory) else { return history }
        var leftovers: [String] = []
        for name in try fileSystem.contentsOfDirectory(versionsDirectory) {
            guard let number = StoreFileName.parseVersion(name) else { continue }
            if number > current.version, !readOnly { leftovers.append(versionsDirectory + "/" + name) }
            guard number < current.version,
                let manifest = try readVersion(number, in: directory, fileSystem: fileSystem)
            else { continue }
            history.add(manifest)
        }
        try fileSystem.removeDurably(leftovers)
        return history
    }

    /// The verified `versions/MANIFEST-<number>`, or `nil` when the file does not exist.
    ///
    /// - Throws: `StoreError.corruption` when it fails verification or holds another version.
    static func readVersion(
        _ number: UInt64,
        in directory: String,
        fileSystem: any StoreFileSystem
    ) throws(StoreError) -> Manifest? {
        let path = versionPath(number, in: directory)
        guard let bytes = try fileSystem.readFile(path) else { return nil }
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
        fileSystem: any StoreFileSystem,
        options: StoreOptions,
        nowMs: UInt64
    ) throws(StoreError) {
        let expired = history.expired(
            current: current,
            nowMs: nowMs,
            retentionMs: options.versionRetentionMs,
            countMax: options.versionCountMax
        )
        try removeVersionFiles(expired, in: directory, fileSystem: fileSystem)
        history.remove(expired)
        for manifest in history.manifests.values {
            for entry in manifest.segments {
                let path = directory + "/" + StoreFileName.segment(entry.fileNumber)
                guard fileSystem.fileExists(path) else {
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
