import Codecs

/// One logical write-ahead-log record: one acknowledged batch (docs/formats/wal.md).
///
/// Every row of a batch gets its own sequence number, `firstSequence + index`, so the newest version
/// of an id is the one with the highest sequence across the memtable and all segments.
enum WALRecord: Equatable, Sendable {
    /// `writtenAtMs`: the batch's write time (ms since 1970), for the collection TTL.
    case upsert(firstSequence: UInt64, writtenAtMs: UInt64, records: [DocumentRow])
    case delete(firstSequence: UInt64, ids: [String])

    enum Kind: UInt8 {
        case upsert = 1
        case delete = 2
    }

    var firstSequence: UInt64 {
        switch self {
        case .upsert(let first, _, _), .delete(let first, _): first
        }
    }

    var rowCount: Int {
        switch self {
        case .upsert(_, _, let records): records.count
        case .delete(_, let ids): ids.count
        }
    }

    /// Bytes of one WAL file's header and of one record's frame header.
    static let fileHeaderBytes = 16
    static let frameHeaderBytes = 16
    /// `VDB-WAL\n`.
    static let fileMagic: [UInt8] = Array("VDB-WAL\n".utf8)
    static let formatVersion: UInt32 = 2
    /// Upper bound of one payload; larger batches are refused, larger headers are corruption.
    static let payloadBytesMax = 64 * 1024 * 1024
    /// Upper bound of an id's UTF-8 bytes (ids are stored with a `u16` length).
    static let idBytesMax = 1_024

    /// The 16-byte header every WAL file starts with.
    static func fileHeader() -> [UInt8] {
        var bytes = fileMagic
        bytes.appendLittleEndian(formatVersion)
        bytes.appendLittleEndian(CRC32C.checksum(bytes))
        return bytes
    }

    /// The framed record: header (payload size, kind, checksums) and payload.
    func encode() throws(StoreError) -> [UInt8] {
        var payload: [UInt8] = []
        payload.appendLittleEndian(firstSequence)
        payload.appendLittleEndian(UInt32(rowCount))
        let kind: Kind
        switch self {
        case .upsert(_, let writtenAtMs, let records):
            kind = .upsert
            payload.appendLittleEndian(writtenAtMs)
            for record in records { DocumentRowEncoding.append(record, to: &payload) }
        case .delete(_, let ids):
            kind = .delete
            for id in ids { payload.appendShortString(id) }
        }
        guard payload.count <= Self.payloadBytesMax else {
            throw .violation(
                .oversizedBatch,
                "batch of \(rowCount) rows is \(payload.count) bytes, over the \(Self.payloadBytesMax)-byte limit"
            )
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.frameHeaderBytes + payload.count)
        bytes.appendLittleEndian(UInt32(payload.count))
        bytes.append(kind.rawValue)
        bytes.append(contentsOf: [0, 0, 0])
        bytes.appendLittleEndian(CRC32C.checksum(payload))
        bytes.appendLittleEndian(CRC32C.checksum(bytes))
        bytes.append(contentsOf: payload)
        return bytes
    }

    /// Decodes a payload whose checksum has been verified; `offset` locates the record for errors.
    static func decode(
        kind rawKind: UInt8,
        payload: ArraySlice<UInt8>,
        file: String,
        offset: Int
    ) throws(StoreError) -> WALRecord {
        func corrupt(_ message: String) -> StoreError {
            StoreError(code: .corruption, message: "WAL record: \(message)", file: file, offsetBytes: offset)
        }
        var reader = ByteReader(payload)
        guard let kind = Kind(rawValue: rawKind) else { throw corrupt("unknown record kind \(rawKind)") }
        guard let first = reader.readUInt64(), let count = reader.readUInt32() else {
            throw corrupt("missing sequence or row count")
        }
        switch kind {
        case .upsert:
            guard let writtenAtMs = reader.readUInt64() else { throw corrupt("missing write time") }
            var records: [DocumentRow] = []
            for entry in 0..<Int(count) {
                do {
                    records.append(try DocumentRowEncoding.read(&reader))
                } catch {
                    throw corrupt("entry \(entry): \(error.message)")
                }
            }
            guard reader.remaining == 0 else { throw corrupt("\(reader.remaining) trailing bytes") }
            return .upsert(firstSequence: first, writtenAtMs: writtenAtMs, records: records)
        case .delete:
            var ids: [String] = []
            for entry in 0..<Int(count) {
                guard let id = reader.readShortString() else { throw corrupt("entry \(entry): bad id") }
                ids.append(id)
            }
            guard reader.remaining == 0 else { throw corrupt("\(reader.remaining) trailing bytes") }
            return .delete(firstSequence: first, ids: ids)
        }
    }
}
