/// The root of a collection's persistent state (docs/formats/manifest.md): which segments are live,
/// which WAL files still need replaying, and the counters that name new files. Replaced atomically
/// (temp + fsync + rename + directory fsync) on every flush and compaction; `version` counts the
/// replacements. Each version is a snapshot: the superseded ones are kept, byte for byte, as
/// `versions/MANIFEST-N` while they are retained (`VersionHistory`).
struct Manifest: Equatable, Sendable {
    struct SegmentEntry: Equatable, Sendable {
        var fileNumber: UInt64
        var fileBytes: UInt64
        var rowCount: UInt32
        var tombstoneCount: UInt32
        var sequenceMax: UInt64
        /// The version that wrote the segment's deletion vector as of this version
        /// (`del-<fileNumber>-<deletionVersion>.vdel`); 0 when no row of it is deleted (format
        /// version 3; always 0 before).
        var deletionVersion: UInt64 = 0
        /// Rows the deletion vector holds.
        var deletedCount: UInt32 = 0

        /// Whether `other` describes the same segment file (deletions aside).
        func describesSameFile(as other: SegmentEntry) -> Bool {
            fileNumber == other.fileNumber && fileBytes == other.fileBytes && rowCount == other.rowCount
                && tombstoneCount == other.tombstoneCount && sequenceMax == other.sequenceMax
        }
    }

    var version: UInt64
    /// When this version was committed, ms since 1970 (the store's `StoreClock`); never below the
    /// previous version's. `0` in manifests written by format version 1.
    var commitTimeMs: UInt64
    /// The next number for a new WAL or segment file; every existing file's number is below it.
    var nextFileNumber: UInt64
    /// Recovery replays WAL files numbered this or higher; lower ones are obsolete.
    var walFileNumber: UInt64
    /// Every row with a sequence up to this is in a listed segment.
    var flushedSequence: UInt64
    /// Oldest first.
    var segments: [SegmentEntry]
    /// Whether the entries name the deletion vectors (format version 3). An older manifest does
    /// not: liveness is rebuilt from the segments' ids, sequences and tombstones once.
    var tracksDeletions = true

    /// The state of a collection that has never flushed.
    static let empty = Manifest(
        version: 0,
        commitTimeMs: 0,
        nextFileNumber: 1,
        walFileNumber: 1,
        flushedSequence: 0,
        segments: []
    )

    static let fileName = "MANIFEST"
    static let magic: [UInt8] = Array("VDB-MAN\n".utf8)
    /// 3 added deletion vectors to the segment entries, 2 `commitTimeMs`; 1 and 2 are still read.
    static let formatVersion: UInt32 = 3
    static func segmentEntryBytes(format: UInt32) -> Int { format >= 3 ? 44 : 32 }
    /// Upper bound of live segments; compaction keeps real collections far below it.
    static let segmentCountMax = 100_000

    /// Rows stored in the listed segments (overwritten and deleted versions included).
    var rowCount: Int { segments.reduce(0) { $0 + Int($1.rowCount) } }

    func encode() -> [UInt8] {
        var payload: [UInt8] = []
        payload.appendLittleEndian(version)
        payload.appendLittleEndian(commitTimeMs)
        payload.appendLittleEndian(nextFileNumber)
        payload.appendLittleEndian(walFileNumber)
        payload.appendLittleEndian(flushedSequence)
        payload.appendLittleEndian(UInt32(segments.count))
        for segment in segments {
            payload.appendLittleEndian(segment.fileNumber)
            payload.appendLittleEndian(segment.fileBytes)
            payload.appendLittleEndian(segment.rowCount)
            payload.appendLittleEndian(segment.tombstoneCount)
            payload.appendLittleEndian(segment.sequenceMax)
            payload.appendLittleEndian(segment.deletionVersion)
            payload.appendLittleEndian(segment.deletedCount)
        }
        return ChecksummedFile.frame(magic: Self.magic, formatVersion: Self.formatVersion, payload: payload)
    }

    static func decode(_ bytes: [UInt8], file: String) throws(StoreError) -> Manifest {
        let headerBytes = ChecksummedFile.headerBytes
        func corrupt(_ message: String) -> StoreError {
            StoreError(code: .corruption, message: "manifest: \(message)", file: file, offsetBytes: headerBytes)
        }
        let (format, payload) = try ChecksummedFile.unframe(
            bytes,
            magic: magic,
            formatVersions: 1...formatVersion,
            kind: "manifest",
            file: file
        )
        var reader = ByteReader(payload)
        guard let manifestVersion = reader.readUInt64(), let commitTimeMs = format >= 2 ? reader.readUInt64() : 0,
            let next = reader.readUInt64(), let wal = reader.readUInt64(), let flushed = reader.readUInt64(),
            let count = reader.readUInt32(), Int(count) <= segmentCountMax,
            reader.remaining == Int(count) * segmentEntryBytes(format: format)
        else { throw corrupt("payload does not decode") }
        var segments: [SegmentEntry] = []
        for _ in 0..<count {
            guard let number = reader.readUInt64(), let fileBytes = reader.readUInt64(), let rows = reader.readUInt32(),
                let tombstones = reader.readUInt32(), let sequenceMax = reader.readUInt64(), number < next
            else { throw corrupt("segment entry does not decode") }
            var entry = SegmentEntry(
                fileNumber: number,
                fileBytes: fileBytes,
                rowCount: rows,
                tombstoneCount: tombstones,
                sequenceMax: sequenceMax
            )
            if format >= 3 {
                guard let deletions = reader.readUInt64(), let deleted = reader.readUInt32(),
                    deletions <= manifestVersion,
                    deleted <= rows, (deletions == 0) == (deleted == 0)
                else { throw corrupt("segment entry does not decode") }
                entry.deletionVersion = deletions
                entry.deletedCount = deleted
            }
            segments.append(entry)
        }
        guard wal < next || (wal == 1 && next == 1) else { throw corrupt("WAL number \(wal) not below \(next)") }
        return Manifest(
            version: manifestVersion,
            commitTimeMs: commitTimeMs,
            nextFileNumber: next,
            walFileNumber: wal,
            flushedSequence: flushed,
            segments: segments,
            tracksDeletions: format >= 3
        )
    }
}
