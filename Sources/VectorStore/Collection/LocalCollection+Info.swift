import Foundation

extension LocalCollection {
    static let infoFileName = "collection.json"

    /// Writes `collection.json` atomically (temp file, fsync, rename, directory fsync).
    static func writeInfo(
        _ info: CollectionInfo,
        to path: String,
        fileSystem: any StoreFileSystem
    ) throws(StoreError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try encoder.encode(info))
        } catch {
            throw StoreError(code: .io, message: "cannot encode collection.json: \(error)", file: path)
        }
        try fileSystem.replaceAtomically(path, with: bytes)
    }

    /// Reads and checks `collection.json`: a supported format version and a well-formed schema.
    ///
    /// - Throws: `StoreError.notFound` when absent; `StoreError.corruption` when it does not decode,
    ///   is of an unsupported version (1 and 2 with a message to re-run the pipeline), or its
    ///   schema is not valid.
    static func readInfo(
        at path: String,
        directory: String,
        fileSystem: any StoreFileSystem
    ) throws(StoreError) -> CollectionInfo {
        guard let data = try fileSystem.readFile(path).map({ Data($0) }) else {
            throw StoreError(code: .notFound, message: "no collection.json", file: path)
        }
        struct VersionProbe: Decodable { var formatVersion: Int }
        let version: Int
        do {
            version = try JSONDecoder().decode(VersionProbe.self, from: data).formatVersion
        } catch {
            throw StoreError(code: .corruption, message: "collection.json is not valid: \(error)", file: path)
        }
        if version < CollectionInfo.currentFormatVersion {
            throw StoreError(
                code: .corruption,
                message:
                    "this collection was written in format version \(version) ("
                    + (version == 1 ? "the walking skeleton's chunk log" : "chunk-JSON rows without a schema")
                    + "), which this version no longer reads; delete \(directory) and re-run the pipeline that wrote it",
                file: path
            )
        }
        guard version == CollectionInfo.currentFormatVersion else {
            throw StoreError(
                code: .corruption,
                message: "format version \(version) is not supported (expected \(CollectionInfo.currentFormatVersion))",
                file: path
            )
        }
        let info: CollectionInfo
        do {
            info = try JSONDecoder().decode(CollectionInfo.self, from: data)
        } catch {
            throw StoreError(code: .corruption, message: "collection.json is not valid: \(error)", file: path)
        }
        do {
            try info.schema.validate()
        } catch {
            throw StoreError(code: .corruption, message: "collection.json: \(error.message)", file: path)
        }
        return info
    }
}
