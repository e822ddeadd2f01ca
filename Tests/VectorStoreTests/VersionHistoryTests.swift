import Foundation
import Testing

@testable import VectorStore

/// The pure parts of versioning: the retention policy, resolving `asOf`, and the version and pin
/// file formats.
@Suite struct VersionHistoryTests {
    /// Version `n` committed at `n` seconds, listing segment `n`.
    static func manifest(_ version: UInt64) -> Manifest {
        Manifest(
            version: version,
            commitTimeMs: version * 1_000,
            nextFileNumber: version + 2,
            walFileNumber: version + 1,
            flushedSequence: version * 10,
            segments: [.init(fileNumber: version, fileBytes: 100, rowCount: 3, tombstoneCount: 0, sequenceMax: 0)]
        )
    }

    static func history(_ versions: ClosedRange<UInt64>, pins: Set<UInt64> = []) -> VersionHistory {
        var history = VersionHistory()
        for version in versions { history.add(manifest(version)) }
        history.pins = pins
        return history
    }

    @Test func countKeepsTheNewestVersionsAndPins() {
        let current = Self.manifest(10)
        let history = Self.history(1...9, pins: [2])
        #expect(history.expired(current: current, nowMs: 10_000, retentionMs: nil, countMax: 4) == [1, 3, 4, 5, 6])
        #expect(
            history.expired(current: current, nowMs: 10_000, retentionMs: nil, countMax: 1) == [1, 3, 4, 5, 6, 7, 8, 9]
        )
        #expect(history.expired(current: current, nowMs: 10_000, retentionMs: nil, countMax: 100) == [])
    }

    @Test func ageCountsFromTheNextVersionsCommit() {
        let current = Self.manifest(10)
        let history = Self.history(1...9)
        // At 12 s with 5 s retention: version v was superseded at (v + 1) s; kept while 12 − (v + 1) < 5.
        #expect(
            history.expired(current: current, nowMs: 12_000, retentionMs: 5_000, countMax: 100) == [1, 2, 3, 4, 5, 6]
        )
    }

    @Test func timesResolveToTheVersionCurrentThen() throws {
        let current = Self.manifest(10)
        var history = Self.history(1...9, pins: [2])
        #expect(try history.manifest(for: .time(Date(timeIntervalSince1970: 5.5)), current: current).version == 5)
        #expect(try history.manifest(for: .time(Date(timeIntervalSince1970: 5)), current: current).version == 5)
        #expect(try history.manifest(for: .time(Date(timeIntervalSince1970: 99)), current: current).version == 10)
        #expect(throws: StoreError.self) {
            try history.manifest(for: .time(Date(timeIntervalSince1970: 0.5)), current: current)
        }
        // Versions 3...6 expire; 2 is pinned: a moment after 2's commit could belong to an expired one.
        history.remove([3, 4, 5, 6])
        #expect(try history.manifest(for: .version(2), current: current).version == 2)
        #expect(try history.manifest(for: .time(Date(timeIntervalSince1970: 7.5)), current: current).version == 7)
        let gap = #expect(throws: StoreError.self) {
            try history.manifest(for: .time(Date(timeIntervalSince1970: 2.5)), current: current)
        }
        #expect(gap?.code == .badInput)
        let expired = #expect(throws: StoreError.self) { try history.manifest(for: .version(4), current: current) }
        #expect(expired?.message.hasSuffix("retained versions: 1-2, 7-10") == true, "\(String(describing: expired))")
        #expect(history.segmentNumbers(current: current) == [1, 2, 7, 8, 9, 10])
    }

    @Test func formatOneManifestsReadWithoutACommitTime() throws {
        var payload: [UInt8] = []
        for value: UInt64 in [4, 9, 8, 120] { payload.appendLittleEndian(value) }
        payload.appendLittleEndian(UInt32(0))
        let bytes = ChecksummedFile.frame(magic: Manifest.magic, formatVersion: 1, payload: payload)
        let decoded = try Manifest.decode(bytes, file: "MANIFEST")
        #expect(decoded.version == 4 && decoded.commitTimeMs == 0 && decoded.flushedSequence == 120)
    }

    @Test func pinsRoundTripAndDamageIsDetected() throws {
        let pins: Set<UInt64> = [3, 17, 1 << 40]
        let bytes = PinnedVersions.encode(pins)
        #expect(try PinnedVersions.decode(bytes, file: "PINS") == pins)
        #expect(try PinnedVersions.decode(PinnedVersions.encode([]), file: "PINS") == [])
        for offset in [0, 12, 30] {
            var damaged = bytes
            damaged[offset] ^= 0x40
            let error = #expect(throws: StoreError.self) { try PinnedVersions.decode(damaged, file: "PINS") }
            #expect(error?.code == .corruption)
            #expect((error?.offsetBytes ?? .max) <= offset)
        }
    }
}
