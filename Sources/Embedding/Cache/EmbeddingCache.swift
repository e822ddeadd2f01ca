import Foundation

/// Vectors already computed, on local disk, keyed by model id and the SHA-256 of the text, so a
/// re-ingest of unchanged text embeds nothing.
///
/// The store is one append-only log (`embeddings.log`, format in `docs/formats/embedding-cache.md`) and an
/// in-memory index of where each vector lies, rebuilt by scanning the log on open. A torn final
/// append is dropped (truncated) on open; damage before the end is reported as corruption, never
/// silently skipped. An exclusive `flock` on the log keeps a second process out while it is open.
public actor EmbeddingCache {
    /// The log file.
    public nonisolated let file: URL
    private let handle: FileHandle
    private var locations: [EmbeddingCacheKey: (offsetBytes: Int, dimension: Int)]
    private var endBytes: Int

    /// Opens (creating if needed) the cache in `directory`.
    ///
    /// - Throws: `EmbeddingCacheError` `.io` when the directory or file cannot be created or read,
    ///   `.corruption` naming the file and byte offset of a damaged record, `.busy` when another
    ///   process holds it.
    public init(directory: URL) throws(EmbeddingCacheError) {
        let file = directory.appendingPathComponent("embeddings.log")
        let path = file.path
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: path) {
                guard FileManager.default.createFile(atPath: path, contents: nil) else {
                    throw EmbeddingCacheError(code: .io, message: "cannot create the file", file: path)
                }
            }
            let handle = try FileHandle(forUpdating: file)
            guard flock(handle.fileDescriptor, LOCK_EX | LOCK_NB) == 0 else {
                try? handle.close()
                throw EmbeddingCacheError(code: .busy, message: "another process has the cache open", file: path)
            }
            let bytes = Array(try handle.readToEnd() ?? Data())
            let scan = try EmbeddingCacheScan(bytes: bytes, file: path)
            var end = scan.validEndBytes
            if end < EmbeddingCacheScan.magic.count {
                try handle.truncate(atOffset: 0)
                try handle.seek(toOffset: 0)
                try handle.write(contentsOf: EmbeddingCacheScan.magic)
                end = EmbeddingCacheScan.magic.count
            } else if end < bytes.count {
                try handle.truncate(atOffset: UInt64(end))
            }
            self.file = file
            self.handle = handle
            self.locations = scan.locations
            self.endBytes = end
        } catch let error as EmbeddingCacheError {
            throw error
        } catch {
            throw EmbeddingCacheError(code: .io, message: "\(error)", file: path)
        }
    }

    deinit { try? handle.close() }

    /// Vectors stored.
    public var count: Int { locations.count }

    /// The cached vector of each key, `nil` for a miss, in key order.
    ///
    /// - Throws: `EmbeddingCacheError` `.io` when the file cannot be read, `.corruption` when a
    ///   vector read back is not finite.
    public func vectors(for keys: [EmbeddingCacheKey]) throws(EmbeddingCacheError) -> [[Float]?] {
        var result: [[Float]?] = []
        result.reserveCapacity(keys.count)
        for key in keys {
            guard let location = locations[key] else {
                result.append(nil)
                continue
            }
            let bytes: [UInt8]
            do {
                try handle.seek(toOffset: UInt64(location.offsetBytes))
                bytes = Array(try handle.read(upToCount: 4 * location.dimension) ?? Data())
            } catch {
                throw EmbeddingCacheError(
                    code: .io,
                    message: "\(error)",
                    file: file.path,
                    offsetBytes: location.offsetBytes
                )
            }
            guard bytes.count == 4 * location.dimension else {
                throw EmbeddingCacheError(
                    code: .corruption,
                    message: "the file ends inside a vector",
                    file: file.path,
                    offsetBytes: location.offsetBytes
                )
            }
            let vector = EmbeddingCacheRecord.floats(bytes[...], at: 0, count: location.dimension)
            guard vector.allSatisfy(\.isFinite) else {
                throw EmbeddingCacheError(
                    code: .corruption,
                    message: "a cached vector is not finite",
                    file: file.path,
                    offsetBytes: location.offsetBytes
                )
            }
            result.append(vector)
        }
        return result
    }

    /// Appends vectors; keys already present are skipped.
    ///
    /// - Throws: `EmbeddingCacheError` `.badInput` for a non-finite or oversized vector (nothing is
    ///   written), `.io` when the append fails.
    public func store(_ entries: [(key: EmbeddingCacheKey, vector: [Float])]) throws(EmbeddingCacheError) {
        var bytes: [UInt8] = []
        var added: [EmbeddingCacheKey: (offsetBytes: Int, dimension: Int)] = [:]
        for (key, vector) in entries where locations[key] == nil && added[key] == nil {
            guard vector.allSatisfy(\.isFinite), vector.count <= EmbeddingCacheRecord.dimensionMax,
                key.modelID.utf8.count <= Int(UInt16.max), key.textDigest.count == 32
            else {
                throw EmbeddingCacheError(
                    code: .badInput,
                    message: "cannot cache a vector of \(vector.count) components for model '\(key.modelID)'",
                    file: file.path
                )
            }
            let record = EmbeddingCacheRecord(key: key, vector: vector).encoded()
            let vectorOffset = endBytes + bytes.count + record.count - 4 * vector.count
            added[key] = (vectorOffset, vector.count)
            bytes.append(contentsOf: record)
        }
        guard !bytes.isEmpty else { return }
        do {
            try handle.seek(toOffset: UInt64(endBytes))
            try handle.write(contentsOf: bytes)
        } catch {
            throw EmbeddingCacheError(code: .io, message: "\(error)", file: file.path, offsetBytes: endBytes)
        }
        endBytes += bytes.count
        locations.merge(added) { _, new in new }
    }
}
