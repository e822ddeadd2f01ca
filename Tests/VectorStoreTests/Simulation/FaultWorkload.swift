import Foundation
import Logging

@testable import VectorStore

/// The seeded workload of the fault-injection suite (`FaultInjectionTests`): upserts, deletes,
/// commits, one schema change and one pin, against a collection on a `SimulatedFileSystem`, with a
/// memtable small enough that it flushes every few steps, compacts, and retires old versions.
/// Steps run one at a time (each awaits background maintenance), so the file-system calls of a run
/// are numbered the same way every time.
enum FaultWorkload {
    static let collection = "f"
    static let dimension = 4
    static let idPool: UInt64 = 24
    /// Small countMax so retention deletes version files and segments during the workload.
    static let versionCountMax = 8

    static var schema: CollectionSchema {
        CollectionSchema(
            primaryKey: "id",
            fields: [
                FieldDefinition(name: "text", type: .string, required: true),
                FieldDefinition(name: "step", type: .int64),
            ],
            vectors: [VectorFieldDefinition(name: "v", dimension: dimension, metric: .l2)],
            textField: "text"
        )
    }

    /// The store logs every injected failure; the suite checks outcomes instead.
    static let logger = Logger(label: "fault-injection") { _ in SwiftLogNoOpLogHandler() }

    static let addedField = FieldDefinition(name: "tag", type: .string)

    static var info: CollectionInfo { CollectionInfo(name: collection, embeddingModel: "test", schema: schema) }

    static func options(
        fsyncPolicy: StoreOptions.FsyncPolicy = .everyBatch,
        countMax: Int = versionCountMax
    )
        -> StoreOptions
    {
        StoreOptions(
            fsyncPolicy: fsyncPolicy,
            memtableBytesMax: 3 * 1024,
            segmentCodec: .lz4,
            compactionFanIn: 3,
            compactionBytesPerSecond: 0,
            versionRetention: nil,
            versionCountMax: countMax
        )
    }

    enum Step: Sendable {
        case upsert([Document])
        case delete([String])
        case commit
        case addField
        case pinCurrent
    }

    /// `count` steps of seed `seed`; every data step changes the state (deletes name live ids), so
    /// the state tells whether a step in flight at a crash was applied.
    static func steps(seed: UInt64, count: Int) -> [Step] {
        var generator = SeededGenerator(seed: seed)
        var live: Set<String> = []
        var hasTag = false
        var steps: [Step] = []
        for index in 0..<count {
            let roll = generator.next() % 12
            if index == count / 3 {
                steps.append(.addField)
                hasTag = true
            } else if index == count / 2 {
                steps.append(.pinCurrent)
            } else if roll == 0 {
                steps.append(.commit)
            } else if roll <= 2, !live.isEmpty {
                let ids = live.sorted().filter { _ in generator.next() % 3 == 0 }.prefix(4)
                let chosen = ids.isEmpty ? [live.sorted()[0]] : Array(ids)
                live.subtract(chosen)
                steps.append(.delete(chosen))
            } else {
                let documents = (0..<(1 + Int(generator.next() % 5))).map { row in
                    let id = "id-\(generator.next() % idPool)"
                    var fields: [String: FieldValue] = [
                        "text": .string("step \(index) row \(row) " + String(repeating: "filler ", count: 20)),
                        "step": .int64(Int64(index)),
                    ]
                    if hasTag { fields["tag"] = .string("t\(generator.next() % 3)") }
                    let vector = (0..<dimension).map { _ in Float(Int(generator.next() % 2001) - 1000) / 1000 }
                    return Document(id: id, fields: fields, vectors: ["v": vector])
                }
                // One id once per batch: the last one wins, as in the store.
                var seen: Set<String> = []
                let unique = documents.reversed().filter { seen.insert($0.id).inserted }.reversed()
                live.formUnion(unique.map(\.id))
                steps.append(.upsert(Array(unique)))
            }
        }
        return steps
    }

    /// What a run acknowledged before it stopped.
    struct Outcome {
        var created = false
        /// Steps that returned, in order.
        var acknowledged: [Step] = []
        /// The step whose call failed (the run stopped there), if any.
        var inFlight: Step?
        var failure: StoreError?
        /// Manifest version and retained versions when the last step returned.
        var currentVersion: UInt64 = 0
        var retained: [UInt64] = []
        var pins: Set<UInt64> = []
    }

    /// Runs `steps` on `fileSystem` until one fails; `collection` receives the open collection so
    /// the caller can keep it alive (or not) past a simulated crash.
    static func run(
        _ steps: [Step],
        on fileSystem: SimulatedFileSystem,
        options: StoreOptions = options()
    ) async -> (Outcome, LocalCollection?) {
        var outcome = Outcome()
        let store = LocalStore(
            root: URL(fileURLWithPath: fileSystem.root),
            options: options,
            fileSystem: fileSystem,
            logger: FaultWorkload.logger
        )
        let collection: LocalCollection
        do {
            collection = try store.openOrCreate(info)
        } catch {
            outcome.failure = error
            return (outcome, nil)
        }
        outcome.created = true
        for step in steps {
            do {
                try await perform(step, on: collection)
                try await collection.waitForMaintenance()
            } catch {
                outcome.inFlight = step
                outcome.failure = error
                return (outcome, collection)
            }
            outcome.acknowledged.append(step)
            outcome.currentVersion = await collection.manifest.version
            outcome.retained = await collection.history.manifests.keys.sorted()
            outcome.pins = await collection.history.pins
        }
        return (outcome, collection)
    }

    static func perform(_ step: Step, on collection: LocalCollection) async throws(StoreError) {
        switch step {
        case .upsert(let documents): try await collection.upsert(documents)
        case .delete(let ids): try await collection.delete(ids)
        case .commit: try await collection.commit()
        case .addField: try await collection.addField(addedField)
        case .pinCurrent: try await collection.pin(version: await collection.manifest.version)
        }
    }

    /// The live documents after `steps`, and the state after each prefix of data steps by the last
    /// sequence number it used (what a version with that `flushedSequence` holds).
    static func model(_ steps: [Step]) -> (documents: [String: Document], bySequence: [UInt64: [String: Document]]) {
        var documents: [String: Document] = [:]
        var sequence: UInt64 = 0
        var bySequence: [UInt64: [String: Document]] = [0: [:]]
        for step in steps {
            switch step {
            case .upsert(let batch):
                for document in batch { documents[document.id] = document }
                sequence += UInt64(batch.count)
            case .delete(let ids):
                for id in ids { documents[id] = nil }
                sequence += UInt64(ids.count)
            case .commit, .addField, .pinCurrent: continue
            }
            bySequence[sequence] = documents
        }
        return (documents, bySequence)
    }
}
