/// The deleted rows of one segment as of one committed version (docs/formats/manifest.md,
/// "Deletion vectors"): rows superseded by a newer version of their id, or deleted. A file
/// `del-N.vdel`, written durably before the manifest that names it, never changed; each version's
/// manifest names, per segment, the file that holds its deletions then, so a retained version
/// reads its own.
struct DeletionVector: Sendable, Equatable {
    var segmentFileNumber: UInt64
    var deleted: RowBitmap

    static let magic: [UInt8] = Array("VDB-DEL\n".utf8)
    static let formatVersion: UInt32 = 1

    /// `segmentFileNumber u64 | rowCount u32 | deletedCount u32 | ⌈rowCount / 64⌉ × u64` (bit `r % 64`
    /// of word `r / 64` set: row `r` deleted), in the shared checksummed framing.
    func encode() -> [UInt8] {
        var payload: [UInt8] = []
        payload.appendLittleEndian(segmentFileNumber)
        payload.appendLittleEndian(UInt32(deleted.count))
        payload.appendLittleEndian(UInt32(deleted.cardinality))
        for word in deleted.words { payload.appendLittleEndian(word) }
        return ChecksummedFile.frame(magic: Self.magic, formatVersion: Self.formatVersion, payload: payload)
    }

    /// Decodes and checks a file against the segment it must belong to.
    ///
    /// - Throws: `StoreError.corruption` naming `file` when it fails verification or describes
    ///   another segment, row count or deleted count.
    static func decode(
        _ bytes: [UInt8],
        file: String,
        segment: Manifest.SegmentEntry
    ) throws(StoreError) -> DeletionVector {
        let (_, payload) = try ChecksummedFile.unframe(
            bytes,
            magic: magic,
            formatVersions: 1...formatVersion,
            kind: "deletion vector",
            file: file
        )
        var reader = ByteReader(payload)
        guard let number = reader.readUInt64(), number == segment.fileNumber, let rows = reader.readUInt32(),
            rows == segment.rowCount, let count = reader.readUInt32(), count == segment.deletedCount,
            reader.remaining == (Int(rows) + 63) / 64 * 8
        else {
            throw StoreError(
                code: .corruption,
                message: "deletion vector does not match segment \(segment.fileNumber)",
                file: file,
                offsetBytes: ChecksummedFile.headerBytes
            )
        }
        let words = (0..<((Int(rows) + 63) / 64)).map { _ in reader.readUInt64() ?? 0 }
        guard let deleted = RowBitmap(count: Int(rows), words: words), deleted.cardinality == Int(count) else {
            throw StoreError(
                code: .corruption,
                message: "deletion vector bits do not match its counts",
                file: file,
                offsetBytes: ChecksummedFile.headerBytes
            )
        }
        return DeletionVector(segmentFileNumber: number, deleted: deleted)
    }
}
