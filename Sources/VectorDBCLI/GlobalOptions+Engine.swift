import Foundation
import VectorStore

extension GlobalOptions {
    /// Runs `body` with the process's store engine over the data directory, and shuts the engine
    /// down afterwards (compactions finished or cancelled, collections closed) whether `body`
    /// succeeded or not.
    func withEngine<T>(
        options: StoreOptions = StoreOptions(),
        _ body: (StoreEngine) async throws -> T
    ) async throws -> T {
        let engine = StoreEngine.shared(root: dataRoot, options: options)
        do {
            let result = try await body(engine)
            await engine.shutdown()
            return result
        } catch {
            await engine.shutdown()
            throw error
        }
    }
}
