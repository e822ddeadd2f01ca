import Foundation

extension StoreEngine {
    /// The collections of the data directory (open or not), sorted: every `collections/{name}/`
    /// holding a `collection.json`. Empty when the data directory does not exist yet.
    ///
    /// - Throws: `StoreError.io` when the directory cannot be listed.
    public func collectionNames() throws(StoreError) -> [String] {
        let fileSystem = store.fileSystem
        let directory = root.appendingPathComponent("collections").path
        guard fileSystem.fileExists(directory) else { return [] }
        return try fileSystem.contentsOfDirectory(directory).filter { name in
            (try? LocalStore.validate(name)) != nil
                && fileSystem.fileExists(directory + "/" + name + "/" + LocalCollection.infoFileName)
        }.sorted()
    }

    /// Drops collection `name`: it is closed (running compactions cancelled and awaited; searches on
    /// snapshots already taken finish) and its directory is renamed, durably, to
    /// `dropped/{name}.{milliseconds since 1970}` under the data directory, so the name is free at
    /// once and the files can be restored by hand or deleted to reclaim the space.
    ///
    /// - Throws: `StoreError.badInput` for an invalid name; `StoreError.notFound` when no such
    ///   collection exists; `StoreError.io` when the rename fails; `StoreError.conflict` after
    ///   `shutdown()`.
    public func drop(_ name: String) async throws(StoreError) {
        try LocalStore.validate(name)
        guard try collectionNames().contains(name) else {
            throw StoreError(code: .notFound, message: "no collection '\(name)' in \(root.path)")
        }
        if let open = try await detach(name) { await open.close() }
        let fileSystem = store.fileSystem
        let dropped = root.appendingPathComponent("dropped").path
        try fileSystem.createDirectoryDurably(dropped)
        let stamp = StoreClock.milliseconds(store.clock.now())
        let source = root.appendingPathComponent("collections").appendingPathComponent(name).path
        try fileSystem.renameDurably(source, to: "\(dropped)/\(name).\(stamp)")
        try fileSystem.syncDirectory(root.appendingPathComponent("collections").path)
    }
}
