import Codecs
import Foundation

/// The on-disk form of the ingestion ledger, `ledger.log` in the collection directory
/// (docs/formats/ledger.md): a 16-byte file header, then records back to back, each a 12-byte frame
/// header and one `LedgerEntry` as JSON. The newest record of a key wins.
///
/// Records are only appended (each `fsync`ed before `IngestionLedger.record` returns), so a crash
/// can damage only the tail: a short frame header, a payload running past the end of the file, or
/// all zero bytes there is a torn, unacknowledged append, which the scan stops before. Anything else
/// — a checksum mismatch, an impossible length, a payload that does not decode — is corruption,
/// reported with the file and the record's offset.
enum LedgerLog {
    static let fileName = "ledger.log"
    static let magic: [UInt8] = Array("VDB-LED\n".utf8)
    static let formatVersion: UInt32 = 1
    static let fileHeaderBytes = 16
    static let frameHeaderBytes = 12
    /// Largest payload of one record (an entry with about 200 000 document ids).
    static let payloadBytesMax = 16 * 1024 * 1024

    struct Scan {
        /// The entries in file order (a key may appear more than once; the last one wins).
        var entries: [LedgerEntry]
        /// Bytes from the start of the file that hold the header and whole, valid records.
        var validBytes: Int
    }

    /// The file header: magic, format version, CRC-32C of the first 12 bytes.
    static func fileHeader() -> [UInt8] {
        var bytes = magic
        bytes.appendLittleEndian(formatVersion)
        bytes.appendLittleEndian(CRC32C.checksum(bytes))
        return bytes
    }

    /// One record: `payloadBytes u32`, CRC-32C of the payload, CRC-32C of the frame's first 8 bytes,
    /// then the entry as JSON (keys sorted).
    static func record(_ entry: LedgerEntry, file: String) throws(StoreError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let payload: [UInt8]
        do {
            payload = [UInt8](try encoder.encode(entry))
        } catch {
            throw StoreError(code: .internal, message: "ledger: cannot encode the entry of '\(entry.key)'", file: file)
        }
        guard payload.count <= payloadBytesMax else {
            throw StoreError(
                code: .badInput,
                message: "ledger: the entry of '\(entry.key.prefix(64))' is \(payload.count) bytes "
                    + "(at most \(payloadBytesMax))",
                file: file
            )
        }
        var bytes: [UInt8] = []
        bytes.appendLittleEndian(UInt32(payload.count))
        bytes.appendLittleEndian(CRC32C.checksum(payload))
        bytes.appendLittleEndian(CRC32C.checksum(bytes))
        bytes.append(contentsOf: payload)
        return bytes
    }

    /// Reads every whole record, stopping before a torn tail.
    ///
    /// - Throws: `StoreError.corruption` naming `file` and the offset of the damaged header or record.
    static func scan(_ bytes: [UInt8], file: String) throws(StoreError) -> Scan {
        func corrupt(_ message: String, _ offset: Int) -> StoreError {
            StoreError(code: .corruption, message: "ledger: \(message)", file: file, offsetBytes: offset)
        }
        if bytes.count < fileHeaderBytes || bytes.allSatisfy({ $0 == 0 }) { return Scan(entries: [], validBytes: 0) }
        var header = ByteReader(bytes[0..<fileHeaderBytes])
        guard header.readBytes(8).map(Array.init) == magic, let version = header.readUInt32(),
            header.readUInt32() == CRC32C.checksum(bytes[0..<12])
        else { throw corrupt("bad file header", 0) }
        guard version == formatVersion else {
            throw corrupt("format version \(version) is not supported (expected \(formatVersion))", 8)
        }
        let decoder = JSONDecoder()
        var entries: [LedgerEntry] = []
        var offset = fileHeaderBytes
        while offset < bytes.count {
            let frameEnd = offset + frameHeaderBytes
            if frameEnd > bytes.count || bytes[offset...].allSatisfy({ $0 == 0 }) { break }
            var frame = ByteReader(bytes[offset..<frameEnd])
            guard let payloadBytes = frame.readUInt32(), let payloadChecksum = frame.readUInt32(),
                let headerChecksum = frame.readUInt32()
            else { break }
            guard headerChecksum == CRC32C.checksum(bytes[offset..<(offset + 8)]) else {
                throw corrupt("record header checksum mismatch", offset)
            }
            guard Int(payloadBytes) <= payloadBytesMax else {
                throw corrupt("record of \(payloadBytes) bytes is over the limit", offset)
            }
            let end = frameEnd + Int(payloadBytes)
            if end > bytes.count { break }
            let payload = bytes[frameEnd..<end]
            guard CRC32C.checksum(payload) == payloadChecksum else {
                throw corrupt("record payload checksum mismatch", offset)
            }
            do {
                entries.append(try decoder.decode(LedgerEntry.self, from: Data(payload)))
            } catch {
                throw corrupt("record does not decode: \(error)", offset)
            }
            offset = end
        }
        return Scan(entries: entries, validBytes: offset)
    }
}
