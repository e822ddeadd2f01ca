import Foundation
import PipelineConfig
import VectorStore

/// The lock that keeps one scheduler per pipeline: an exclusive `flock` on
/// `{data-dir}/schedules/{collection}.{pipeline}.lock` (`POSIXFileSystem.lockExclusively`), held
/// while the scheduler runs. The kernel drops it when the process dies, also on SIGKILL, so a crash
/// never leaves a stale lock. Two acquisitions conflict even inside one process (`flock` locks belong
/// to open files).
public final class ScheduleLock: Sendable {
    public let path: String
    private let lock: any StoreFileLock

    private init(path: String, lock: any StoreFileLock) {
        self.path = path
        self.lock = lock
    }

    /// Takes the lock of `definition`'s scheduler in `dataRoot`.
    ///
    /// - Throws: `PipelineError` (stage `schedule`): *conflict* when another scheduler holds it;
    ///   *unavailable* (carrying the `StoreError`) when the lock file cannot be created.
    public static func acquire(dataRoot: URL, definition: PipelineDefinition) throws(PipelineError) -> ScheduleLock {
        let directory = dataRoot.appendingPathComponent("schedules")
        let path = directory.appendingPathComponent(
            "\(definition.store.collection).\(ScheduledTick.stateName(of: definition)).lock"
        ).path
        let held: (any StoreFileLock)?
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            held = try POSIXFileSystem().lockExclusively(path)
        } catch let error as StoreError {
            throw PipelineError(stage: .schedule, subject: path, cause: error)
        } catch {
            throw PipelineError(stage: .schedule, subject: path, wrapping: error)
        }
        guard let held else {
            throw PipelineError(
                stage: .schedule,
                subject: path,
                category: .conflict,
                message: "another scheduler runs pipeline '\(definition.name)' into collection "
                    + "'\(definition.store.collection)' (it holds the lock); one scheduler per pipeline"
            )
        }
        return ScheduleLock(path: path, lock: held)
    }

    deinit { lock.unlock() }
}
