import Foundation
import Testing

@testable import VectorStore

/// The background scrub `StoreEngine` starts finds damage in a block no search has read, then
/// refuses writes; it waits a 24th of its interval first, so a short-lived process never scrubs.
@Suite(.timeLimit(.minutes(1))) struct BackgroundScrubTests {
    static let schema = CollectionSchema(
        fields: [FieldDefinition(name: "body", type: .string)],
        vectors: [VectorFieldDefinition(name: "v", dimension: 2)],
        textField: "body"
    )

    @Test func damageNoSearchReadIsFoundAndRefusesWrites() async throws {
        let clock = ManualMaintenanceClock()
        let root = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let options = StoreOptions(scrubInterval: .seconds(24 * 3_600))
        let store = LocalStore(root: root, options: options, maintenanceClock: clock.clock)
        let collection = try store.openOrCreate(CollectionInfo(name: "s", embeddingModel: "m", schema: Self.schema))
        try await collection.upsert(
            (0..<50).map { Document(id: "d\($0)", fields: ["body": .string("lease \($0)")], vectors: ["v": [1, 0.5]]) }
        )
        try await collection.commit()
        let segment = try #require(await collection.segments.first)
        let column = try #require(segment.rows.blocks.entries[SegmentFormat.columnKind(0)])
        try StoreTestSupport.flipByte(at: column.offsetBytes + column.storedBytes - 1, in: segment.path)

        clock.hold()
        await collection.startMaintenance()
        await clock.waitUntilHeld()
        #expect(clock.pauses.first == .seconds(3_600), "the first scrub waits a 24th of the interval")
        #expect(await collection.failure == nil, "nothing scrubbed before the delay")
        clock.release()
        while await collection.scrubbing != nil { await Task.yield() }
        let failure = try #require(await collection.failure)
        #expect(failure.code == .corruption && failure.file == segment.path)
        await #expect(throws: StoreError.self) {
            try await collection.upsert([Document(id: "x", fields: [:], vectors: ["v": [1, 0]])])
        }
        await collection.close()
    }
}
