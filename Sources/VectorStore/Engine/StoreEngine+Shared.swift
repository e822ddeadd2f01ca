import Foundation
import Logging
import Synchronization

extension StoreEngine {
    /// The engines `shared(root:)` handed out, by standardized data-directory path.
    private static let registry = Mutex<[String: StoreEngine]>([:])

    /// The process's engine for the data directory `root`: created with these arguments on first
    /// use, the same instance afterwards (the arguments of later calls are ignored) until it is shut
    /// down. Entry points (the CLI, the query service) take their engine from here, so two parts of
    /// one process never open a collection twice.
    public static func shared(
        root: URL,
        options: StoreOptions = StoreOptions(),
        logger: Logger = Logger(label: "vectordb.store"),
        bucket: CollectionBucket? = nil
    ) -> StoreEngine {
        let key = root.standardizedFileURL.path
        return registry.withLock { engines in
            if let engine = engines[key] { return engine }
            let engine = StoreEngine(root: root, options: options, logger: logger, bucket: bucket)
            engines[key] = engine
            return engine
        }
    }

    /// Forgets this engine in the registry (called by `shutdown()`), so the next `shared(root:)`
    /// creates a fresh one.
    nonisolated func leaveRegistry() {
        let key = root.standardizedFileURL.path
        Self.registry.withLock { engines in
            if engines[key] === self { engines[key] = nil }
        }
    }
}
