import Dispatch
import Foundation
import Testing

@testable import VectorStore

/// Goal: no injected I/O fault and no power loss, at any point of a workload, loses an acknowledged
/// write, applies part of a batch, or leaves a collection that does not open; and the simulated
/// power loss is harsh enough that removing any `fsync` or directory `fsync` from the store fails a
/// test here (checked by hand for each one; docs/concurrency.md, "Durability").
///
/// Strategy: the seeded `FaultWorkload` (upserts, deletes, commits, compactions, version
/// retirement, a schema change, a pin) runs on a `SimulatedFileSystem`, one step at a time, so its
/// file-system calls are numbered identically in every run. A clean run counts them; then, for
/// every call index K: (1) power is lost at call K (a write torn half-way) and the disk keeps only
/// what was durable — or a seeded part of what was not; (2) call K fails instead (ENOSPC or a short
/// write for writes, EIO for `fsync`, directory `fsync`, rename and the rest), the run stops at the
/// first failed step, and the process dies with or without power loss. Each surviving disk is
/// reopened with more retained versions allowed than the run kept (so a version file that should
/// have been deleted durably shows up), and checked. Targeted tests cover what a sequential run
/// cannot reach: a write acknowledged while a flush runs, a torn WAL tail truncated at open and
/// then rotated away, and the `.interval` fsync policy.
///
/// Invariants after every reopen: it succeeds (unless the collection's creation had not returned);
/// the live documents are exactly those of the acknowledged steps, or of those plus the step in
/// flight, whole; every version (current and retained) holds exactly the state after the batches
/// its `flushedSequence` covers; the versions retained when the last step returned are still
/// retained (but for the oldest few the step in flight may have retired); acknowledged pins and
/// schema changes persist; and the reopened collection accepts a write and a commit.
/// A failure names the seed, the call index and kind, and the power-loss mode: rerun that case.
@Suite struct FaultInjectionTests {
    static let stepCount = 36

    /// The calls of a clean run of seed `seed`: kind and path by index.
    static func trace(seed: UInt64) async -> [(kind: SimulatedFileSystem.Operation, path: String)] {
        let recorder = TraceRecorder()
        let fileSystem = SimulatedFileSystem()
        let rootBytes = fileSystem.root.utf8.count
        fileSystem.inject { _, kind, path in
            recorder.append(kind, String(path.dropFirst(rootBytes)))
            return nil
        }
        let (outcome, _) = await FaultWorkload.run(FaultWorkload.steps(seed: seed, count: stepCount), on: fileSystem)
        #expect(outcome.failure == nil, "seed \(seed): the clean run failed: \(String(describing: outcome.failure))")
        #expect(outcome.currentVersion > UInt64(FaultWorkload.versionCountMax), "seed \(seed): too few versions")
        return recorder.entries
    }

    @Test(arguments: [1, 2] as [UInt64])
    func powerLossAtEveryCallKeepsEveryAcknowledgedWrite(seed: UInt64) async throws {
        let steps = FaultWorkload.steps(seed: seed, count: Self.stepCount)
        let trace = await Self.trace(seed: seed)
        for crashAt in trace.indices {
            let fileSystem = SimulatedFileSystem()
            let rootBytes = fileSystem.root.utf8.count
            fileSystem.inject { index, kind, path in
                guard index == crashAt else { return nil }
                return kind == trace[crashAt].kind && path.dropFirst(rootBytes) == trace[crashAt].path
                    ? .crash(tornFraction: 0.5) : .fail("nondeterministic run: \(kind) \(path)")
            }
            let (outcome, collection) = await FaultWorkload.run(steps, on: fileSystem)
            let losses: [SimulatedDisk.PowerLoss] =
                crashAt % 3 == 0
                ? [.dropUnsynced, .tearUnsynced(seed: seed &* 100_003 &+ UInt64(crashAt))] : [.dropUnsynced]
            for loss in losses {
                let context =
                    "seed \(seed), power lost at call \(crashAt) (\(trace[crashAt].kind) "
                    + "\(trace[crashAt].path)), \(loss)"
                #expect(fileSystem.hasCrashed, "\(context): the crash point was not reached")
                await Self.expectRecovered(outcome, on: fileSystem.afterPowerLoss(loss), context: context)
            }
            _ = collection
        }
    }

    @Test(arguments: [3] as [UInt64])
    func anInjectedErrorFailsTheCallOrLeavesTheWriteDurable(seed: UInt64) async throws {
        let steps = FaultWorkload.steps(seed: seed, count: Self.stepCount)
        let trace = await Self.trace(seed: seed)
        for faultAt in trace.indices {
            let kind = trace[faultAt].kind
            let fault: SimulatedFileSystem.Fault =
                switch kind {
                case .write: faultAt % 2 == 0 ? .fail("ENOSPC") : .shortWrite(fraction: 0.5)
                default: .fail("EIO")
                }
            let fileSystem = SimulatedFileSystem()
            fileSystem.inject { index, _, _ in index == faultAt ? fault : nil }
            let (outcome, collection) = await FaultWorkload.run(steps, on: fileSystem)
            let context = "seed \(seed), \(fault) at call \(faultAt) (\(kind) \(trace[faultAt].path))"
            if outcome.failure == nil {
                #expect(outcome.acknowledged.count == steps.count, "\(context)")
            }
            let survivor = faultAt % 2 == 0 ? fileSystem.afterProcessCrash() : fileSystem.afterPowerLoss(.dropUnsynced)
            await Self.expectRecovered(
                outcome,
                on: survivor,
                context: context + (faultAt % 2 == 0 ? ", process crash" : ", power loss")
            )
            _ = collection
        }
    }

    /// Opens the surviving disk and checks the invariants (see the suite's comment).
    static func expectRecovered(
        _ outcome: FaultWorkload.Outcome,
        on fileSystem: SimulatedFileSystem,
        context: String
    ) async {
        let store = LocalStore(
            root: URL(fileURLWithPath: fileSystem.root),
            options: FaultWorkload.options(countMax: 100),
            fileSystem: fileSystem,
            logger: FaultWorkload.logger
        )
        let collection: LocalCollection
        do {
            collection = try store.open(collection: FaultWorkload.collection)
        } catch {
            #expect(!outcome.created && error.code == .notFound, "\(context): the reopen failed: \(error)")
            return
        }
        let before = FaultWorkload.model(outcome.acknowledged)
        let after = outcome.inFlight.map { FaultWorkload.model(outcome.acknowledged + [$0]) }
        let stored = Dictionary(uniqueKeysWithValues: await collection.documents().map { ($0.id, $0) })
        let model = after.flatMap { stored == $0.documents ? $0 : nil } ?? before
        #expect(
            stored == model.documents,
            "\(context): \(stored.count) documents, not the state after the \(outcome.acknowledged.count) acknowledged steps (\(before.documents.count) documents) or the step in flight"
        )
        let current = await collection.manifest
        let history = await collection.history
        for manifest in Array(history.manifests.values) + [current] {
            guard let expected = model.bySequence[manifest.flushedSequence] else {
                Issue.record(Comment(rawValue: "\(context): version \(manifest.version) ends inside a batch"))
                continue
            }
            do {
                let documents = try await collection.snapshot(asOf: .version(manifest.version)).documents()
                #expect(
                    Dictionary(uniqueKeysWithValues: documents.map { ($0.id, $0) }) == expected,
                    "\(context): version \(manifest.version) differs from the state it flushed"
                )
            } catch {
                Issue.record(Comment(rawValue: "\(context): version \(manifest.version) does not open: \(error)"))
            }
        }
        let retained = Set(history.manifests.keys).union([current.version])
        let guaranteed = outcome.retained.dropFirst(3) + (outcome.currentVersion > 0 ? [outcome.currentVersion] : [])
        for version in guaranteed {
            #expect(retained.contains(version), "\(context): version \(version) was retained, now it is gone")
        }
        #expect(outcome.pins.isSubset(of: history.pins), "\(context): an acknowledged pin is gone")
        if outcome.acknowledged.contains(where: { if case .addField = $0 { true } else { false } }) {
            #expect(
                await collection.info.schema.fields.contains { $0.name == FaultWorkload.addedField.name },
                "\(context): the acknowledged schema change is gone"
            )
        }
        do {
            let document = Document(id: "after", fields: ["text": .string("after")], vectors: ["v": [1, 0, 0, 0]])
            try await collection.upsert([document])
            try await collection.commit()
        } catch {
            Issue.record(Comment(rawValue: "\(context): the reopened collection refuses writes: \(error)"))
        }
    }
}

/// Collects the calls of a clean run (`FaultInjectionTests.trace`).
final class TraceRecorder: @unchecked Sendable {
    // @unchecked: guarded by `lock`.
    private let lock = NSLock()
    private var recorded: [(kind: SimulatedFileSystem.Operation, path: String)] = []

    func append(_ kind: SimulatedFileSystem.Operation, _ path: String) {
        lock.withLock { recorded.append((kind, path)) }
    }

    var entries: [(kind: SimulatedFileSystem.Operation, path: String)] { lock.withLock { recorded } }
}
