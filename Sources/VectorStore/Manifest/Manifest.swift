import Codecs

/// The root of a collection's persistent state (docs/formats/manifest.md): which segments are live,
/// which WAL files still need replaying, and the counters that name new files. Replaced atomically
/// (temp + fsync + rename + directory fsync) on every flush; `version` counts the replacements.
struct Manifest: Equatable, Sendable {
    struct SegmentEntry: Equatable, Sendable {
        var fileNumber: UInt64
        var fileBytes: UInt64
        var rowCount: UInt32
        var tombstoneCount: UInt32
        var sequenceMax: UInt64
    }

    var version: UInt64
    /// The next number for a new WAL or segment file; every existing file's number is below it.
    var nextFileNumber: UInt64
    /// Recovery replays WAL files numbered this or higher; lower ones are obsolete.
    var walFileNumber: UInt64
    /// Every row with a sequence up to this is in a listed segment.
    var flushedSequence: UInt64
    /// Oldest first.
    var segments: [SegmentEntry]

    /// The state of a collection that has never flushed.
    static let empty = Manifest(version: 0, nextFileNumber: 1, walFileNumber: 1, flushedSequence: 0, segments: [])

    static let fileName = "MANIFEST"
    static let magic: [UInt8] = Array("VDB-MAN\n".utf8)
    static let formatVersion: UInt32 = 1
    static let headerBytes = 24
    static let segmentEntryBytes = 32
    /// Upper bound of live segments; compaction keeps real collections far below it.
    static let segmentCountMax = 100_000

    func encode() -> [UInt8] {
        var payload: [UInt8] = []
        payload.appendLittleEndian(version)
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
        }
        var bytes = Self.magic
        bytes.appendLittleEndian(Self.formatVersion)
        bytes.appendLittleEndian(UInt32(payload.count))
        bytes.appendLittleEndian(CRC32C.checksum(payload))
        bytes.appendLittleEndian(CRC32C.checksum(bytes))
        bytes.append(contentsOf: payload)
        return bytes
    }

    static func decode(_ bytes: [UInt8], file: String) throws(StoreError) -> Manifest {
        func corrupt(_ message: String, _ offset: Int) -> StoreError {
            StoreError(code: .corruption, message: "manifest: \(message)", file: file, offsetBytes: offset)
        }
        guard bytes.count >= headerBytes else { throw corrupt("file of \(bytes.count) bytes is too short", 0) }
        var header = ByteReader(bytes[0..<headerBytes])
        guard header.readBytes(8).map(Array.init) == magic, let version = header.readUInt32(),
            let payloadBytes = header.readUInt32(), let payloadChecksum = header.readUInt32(),
            header.readUInt32() == CRC32C.checksum(bytes[0..<20])
        else { throw corrupt("bad header (magic or checksum)", 0) }
        guard version == formatVersion else { throw corrupt("unsupported format version \(version)", 8) }
        guard Int(payloadBytes) == bytes.count - headerBytes else {
            throw corrupt("header records \(payloadBytes) payload bytes, file has \(bytes.count - headerBytes)", 12)
        }
        let payload = bytes[headerBytes...]
        guard CRC32C.checksum(payload) == payloadChecksum else {
            throw corrupt("payload checksum mismatch", headerBytes)
        }
        var reader = ByteReader(payload)
        guard let manifestVersion = reader.readUInt64(), let next = reader.readUInt64(),
            let wal = reader.readUInt64(), let flushed = reader.readUInt64(), let count = reader.readUInt32(),
            Int(count) <= segmentCountMax, reader.remaining == Int(count) * segmentEntryBytes
        else { throw corrupt("payload does not decode", headerBytes) }
        var segments: [SegmentEntry] = []
        for _ in 0..<count {
            guard let number = reader.readUInt64(), let fileBytes = reader.readUInt64(), let rows = reader.readUInt32(),
                let tombstones = reader.readUInt32(), let sequenceMax = reader.readUInt64(), number < next
            else { throw corrupt("segment entry does not decode", headerBytes) }
            segments.append(
                SegmentEntry(
                    fileNumber: number,
                    fileBytes: fileBytes,
                    rowCount: rows,
                    tombstoneCount: tombstones,
                    sequenceMax: sequenceMax
                )
            )
        }
        guard wal < next || (wal == 1 && next == 1) else {
            throw corrupt("WAL number \(wal) not below \(next)", headerBytes)
        }
        return Manifest(
            version: manifestVersion,
            nextFileNumber: next,
            walFileNumber: wal,
            flushedSequence: flushed,
            segments: segments
        )
    }
}

/// File names inside a collection directory.
enum StoreFileName {
    static func wal(_ number: UInt64) -> String { "wal-" + padded(number) + ".log" }
    static func segment(_ number: UInt64) -> String { "seg-" + padded(number) + ".vseg" }

    /// The number of a `wal-N.log` or `seg-N.vseg` name, or `nil` for another name.
    static func parse(_ name: String) -> (kind: Kind, number: UInt64)? {
        for kind in [Kind.wal, .segment] {
            let (prefix, suffix) = kind == .wal ? ("wal-", ".log") : ("seg-", ".vseg")
            guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { continue }
            guard let number = UInt64(name.dropFirst(prefix.count).dropLast(suffix.count)) else { return nil }
            return (kind, number)
        }
        return nil
    }

    enum Kind { case wal, segment }

    private static func padded(_ number: UInt64) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}
