extension Liveness {
    /// The liveness a committed version records for its `segments`: its deletion vectors, read and
    /// verified; for a manifest older than deletion vectors, rebuilt once from the segments' ids,
    /// sequences and tombstones (O(rows); the next commit records them).
    ///
    /// - Throws: `StoreError.corruption` naming the file when a deletion vector is missing or damaged.
    static func load(
        _ manifest: Manifest,
        segments: [SegmentReader],
        directory: String,
        fileSystem: any StoreFileSystem
    ) throws(StoreError) -> Liveness {
        var liveness = Liveness()
        if manifest.tracksDeletions {
            for entry in manifest.segments where entry.deletionVersion != 0 {
                let path = directory + "/" + entry.deletionFileName
                guard let bytes = try fileSystem.readFile(path) else {
                    throw StoreError(
                        code: .corruption,
                        message: "deletion vector listed by version \(manifest.version) is missing",
                        file: path
                    )
                }
                liveness.committed[entry.fileNumber] = try DeletionVector.decode(bytes, file: path, segment: entry)
                    .deleted
            }
        } else {
            var newest = NewestVersions()
            for segment in segments { try newest.note(segment) }
            for segment in segments {
                let ids = try segment.rows.ids()
                let sequences = try segment.rows.sequences()
                var bitmap = RowBitmap(count: ids.count)
                for row in ids.indices where newest.sequence(of: ids[row]) != sequences[row] { bitmap.insert(row) }
                guard !bitmap.isEmpty else { continue }
                liveness.committed[segment.fileNumber] = bitmap
                liveness.unrecorded.insert(segment.fileNumber)
            }
        }
        liveness.deleted = liveness.committed
        return liveness
    }

    /// The deletion vector files a commit of `manifest` (its version already the new one) writes
    /// for `changed`, and its entries pointed at them (an empty bitmap needs no file).
    static func record(
        _ changed: [UInt64: RowBitmap],
        in manifest: inout Manifest
    ) -> [(name: String, bytes: [UInt8])] {
        var files: [(name: String, bytes: [UInt8])] = []
        for index in manifest.segments.indices {
            let number = manifest.segments[index].fileNumber
            guard let bitmap = changed[number] else { continue }
            if bitmap.isEmpty {
                manifest.segments[index].deletionVersion = 0
                manifest.segments[index].deletedCount = 0
                continue
            }
            manifest.segments[index].deletionVersion = manifest.version
            manifest.segments[index].deletedCount = UInt32(bitmap.cardinality)
            let vector = DeletionVector(segmentFileNumber: number, deleted: bitmap)
            files.append((manifest.segments[index].deletionFileName, vector.encode()))
        }
        return files
    }
}

extension VersionHistory {
    /// The deletion vector files the retained versions and `current` name.
    func deletionFileNames(current: Manifest) -> Set<String> {
        var names: Set<String> = []
        for manifest in Array(manifests.values) + [current] {
            for entry in manifest.segments where entry.deletionVersion != 0 { names.insert(entry.deletionFileName) }
        }
        return names
    }
}

extension Manifest.SegmentEntry {
    /// The name of the entry's deletion vector file (meaningful when `deletionVersion != 0`).
    var deletionFileName: String { StoreFileName.deletions(segment: fileNumber, version: deletionVersion) }
}
