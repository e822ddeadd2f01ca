import Foundation

extension FileSystemObjectStore {
    /// Lists by walking only the directory the prefix names (`raw/123/` walks `root/raw/123`, `raw/12`
    /// walks `root/raw`), so the cost follows what lies under the prefix, not the whole store. The
    /// continuation token is the last key returned.
    public func list(
        prefix: String,
        continuationToken: String?,
        maxKeys: Int
    ) async throws(ObjectStoreError) -> ListPage {
        let files = files(for: prefix)
        guard (1...1_000).contains(maxKeys) else {
            throw files.failure(.badInput, "maxKeys \(maxKeys) not in 1...1000")
        }
        let rootPath = rootPath
        return try await OffPool.run { () throws(ObjectStoreError) -> ListPage in
            let directory = prefix.split(separator: "/", omittingEmptySubsequences: false).dropLast()
                .joined(separator: "/")
            var keys = Self.keys(under: directory, root: rootPath).filter { key in
                key.rawValue.hasPrefix(prefix) && (continuationToken.map { key.rawValue > $0 } ?? true)
            }
            keys.sort()
            let page = keys.prefix(maxKeys)
            var objects: [ObjectInfo] = []
            objects.reserveCapacity(page.count)
            for key in page {
                do throws(ObjectStoreError) {
                    objects.append(try Self.info(key, rootPath + "/" + key.rawValue, files))
                } catch  where error.code == .notFound {
                    continue  // deleted while listing
                }
            }
            let more = keys.count > page.count
            return ListPage(objects: objects, continuationToken: more ? page.last?.rawValue : nil)
        }
    }

    /// The keys of the regular files below `root/directory`, skipping dot names (the store's own
    /// files, temporary files) at every level.
    static func keys(under directory: String, root: String) -> [ObjectKey] {
        let base = directory.isEmpty ? root : root + "/" + directory
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        var keys: [ObjectKey] = []
        while let relative = enumerator.nextObject() as? String {
            if (relative as NSString).lastPathComponent.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            guard let type = enumerator.fileAttributes?[.type] as? FileAttributeType, type == .typeRegular,
                let key = try? ObjectKey(directory.isEmpty ? relative : directory + "/" + relative)
            else { continue }
            keys.append(key)
        }
        return keys
    }
}
