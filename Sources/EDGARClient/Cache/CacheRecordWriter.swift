import Codecs
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Writes one `CacheRecord` while its raw bytes arrive, so a document of any size is cached with
/// bounded memory: each piece is checksummed (CRC-32C) and zstd-compressed incrementally into a
/// temporary file next to the final name; `commit` writes the header, flushes and renames.
///
/// Invariants: the final name only ever appears complete (rename after `fsync`); a writer that is
/// discarded, or dropped without `commit`, deletes its temporary file. Use from one task at a time.
public final class CacheRecordWriter {
    /// The record's final location.
    public let destination: URL
    let temporary: URL
    private var descriptor: Int32
    private let compressor: ZstdStreamCompressor
    private var crc: UInt32 = 0
    /// Raw (uncompressed) bytes appended so far.
    public private(set) var rawBytes = 0
    private var compressedBytes = 0
    private var finished = false

    /// Creates the directory and the temporary file, and reserves the header.
    ///
    /// - Throws: `EDGARError.io` naming the temporary file.
    init(destination: URL) throws(EDGARError) {
        self.destination = destination
        let directory = destination.deletingLastPathComponent()
        temporary = RawFilingCache.temporaryURL(for: destination)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            compressor = try ZstdStreamCompressor(level: 3)
        } catch {
            throw EDGARError(code: .io, source: directory.path, message: "cannot prepare the cache", cause: "\(error)")
        }
        descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw EDGARError(code: .io, source: temporary.path, message: "cannot create: \(Self.lastError())")
        }
        try writeAll([UInt8](repeating: 0, count: CacheRecord.headerBytes))
    }

    deinit { if !finished { discard() } }

    /// Checksums, compresses and writes one piece of the body.
    public func append(_ bytes: UnsafeRawBufferPointer) throws(EDGARError) {
        precondition(!finished, "append after commit or discard")
        crc = CRC32C.checksum(bytes, continuing: crc)
        rawBytes += bytes.count
        let compressed: [UInt8]
        do {
            compressed = try compressor.compress(bytes)
        } catch {
            throw EDGARError(code: .io, source: temporary.path, message: "compression failed", cause: "\(error)")
        }
        try writeAll(compressed)
        compressedBytes += compressed.count
    }

    /// Ends the frame, writes the header, flushes, and renames the record into place.
    ///
    /// - Throws: `EDGARError.io`; the temporary file is deleted.
    public func commit() throws(EDGARError) {
        precondition(!finished, "commit after commit or discard")
        do throws(EDGARError) {
            let tail: [UInt8]
            do {
                tail = try compressor.finish()
            } catch {
                throw EDGARError(code: .io, source: temporary.path, message: "compression failed", cause: "\(error)")
            }
            try writeAll(tail)
            compressedBytes += tail.count
            let header = CacheRecord.header(rawLength: rawBytes, crc: crc, compressedLength: compressedBytes)
            let written = header.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
            guard written == header.count, fsync(descriptor) == 0 else {
                throw EDGARError(
                    code: .io,
                    source: temporary.path,
                    message: "header or flush failed: \(Self.lastError())"
                )
            }
            close(descriptor)
            descriptor = -1
            guard rename(temporary.path, destination.path) == 0 else {
                throw EDGARError(code: .io, source: destination.path, message: "rename failed: \(Self.lastError())")
            }
            finished = true
        } catch {
            discard()
            throw error
        }
    }

    /// Abandons the record: closes and deletes the temporary file. Safe to call more than once.
    public func discard() {
        finished = true
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        unlink(temporary.path)
    }

    private func writeAll(_ bytes: [UInt8]) throws(EDGARError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                throw EDGARError(code: .io, source: temporary.path, message: "write failed: \(Self.lastError())")
            }
            offset += written
        }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
