import Foundation
import Testing

@testable import VectorStore

/// The I/O budget as a pure state machine, and the paced file writer on a test clock.
@Suite struct IOPacerTests {
    @Test func durationsAreExactToTheNanosecondRoundedUp() {
        #expect(IOPacer.duration(of: 3, at: 3) == .seconds(1))
        #expect(IOPacer.duration(of: 1, at: 3) == .nanoseconds(333_333_334))
        #expect(IOPacer.duration(of: 64 << 20, at: 64 << 20) == .seconds(1))
        #expect(IOPacer.duration(of: Int.max, at: 1) == .seconds(Int.max))
    }

    @Test func pausesUntilTheBytesFitTheBudgetAndNeverBanksIdleTime() {
        var pacer = IOPacer(bytesPerSecond: 1_000, start: .seconds(10))
        #expect(pacer.delay(afterWriting: 500, now: .seconds(10)) == .milliseconds(500))
        #expect(pacer.delay(afterWriting: 500, now: .seconds(11)) == .zero)
        #expect(pacer.delay(afterWriting: 2_000, now: .seconds(11)) == .seconds(2))
        var unlimited = IOPacer(bytesPerSecond: 0, start: .zero)
        #expect(unlimited.delay(afterWriting: 1 << 30, now: .zero) == .zero)
    }

    @Test func chunksAreASixteenthOfASecondWithinBounds() {
        #expect(IOPacer(bytesPerSecond: 0, start: .zero).chunkBytes == IOPacer.chunkBytesMax)
        #expect(IOPacer(bytesPerSecond: 1, start: .zero).chunkBytes == IOPacer.chunkBytesMin)
        #expect(IOPacer(bytesPerSecond: 160 << 10, start: .zero).chunkBytes == 10 << 10)
        #expect(IOPacer(bytesPerSecond: 64 << 20, start: .zero).chunkBytes == IOPacer.chunkBytesMax)
    }

    @Test func thePacedWriterWritesEveryByteAtTheBudget() async throws {
        let clock = ManualMaintenanceClock()
        let directory = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("out").path
        var generator = SeededGenerator(seed: 3)
        let bytes = (0..<100_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let written = try await PacedFileWriter.write(
            bytes,
            to: path,
            bytesPerSecond: 16_384,
            clock: clock.clock,
            fileSystem: POSIXFileSystem()
        )
        #expect(written)
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == bytes)
        #expect(clock.now == IOPacer.duration(of: 100_000, at: 16_384))
        #expect(clock.pauses.count == 25)  // 4 KiB chunks
    }

    @Test func cancellingThePacedWriterRemovesThePartialFile() async throws {
        let clock = ManualMaintenanceClock()
        clock.hold()
        let directory = StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("out").path
        let writer = Task {
            try await PacedFileWriter.write(
                [UInt8](repeating: 7, count: 50_000),
                to: path,
                bytesPerSecond: 4_096,
                clock: clock.clock,
                fileSystem: POSIXFileSystem()
            )
        }
        await clock.waitUntilHeld()
        #expect(FileManager.default.fileExists(atPath: path))
        writer.cancel()
        #expect(try await writer.value == false)
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
