import Foundation
import Pipeline
import PipelineConfig
import VectorStore

extension GlobalOptions {
    /// Runs `body` with the process's store engine over the data directory (and, with `--storage`,
    /// over the Cold tier's bucket: docs/tiering.md), and shuts the engine down afterwards
    /// (compactions finished or cancelled, uploads drained, collections closed) whether `body`
    /// succeeded or not.
    func withEngine<T>(
        options: StoreOptions = StoreOptions(),
        _ body: (StoreEngine) async throws -> T
    ) async throws -> T {
        let bucket = try storageBucket()
        let engine = StoreEngine.shared(root: dataRoot, options: options, bucket: bucket)
        do {
            let result = try await body(engine)
            await engine.shutdown()
            await StorageSettings.shutdown(bucket)
            return result
        } catch {
            await engine.shutdown()
            await StorageSettings.shutdown(bucket)
            throw error
        }
    }

    /// The bucket `--storage` configures, or `nil`.
    ///
    /// - Throws: `ConfigError` for a bad file; `PipelineError` for missing credentials.
    func storageBucket() throws -> CollectionBucket? {
        guard let storage else { return nil }
        return try StorageSettings.load(path: storage).makeBucket()
    }
}
