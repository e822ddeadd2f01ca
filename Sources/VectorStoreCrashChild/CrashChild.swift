import Foundation
import Glibc
import VectorStore

/// Test helper for the crash test (Tests/VectorStoreTests/CrashTests.swift), not a user tool:
/// `VectorStoreCrashChild DATA_DIR SEED FIRST_BATCH` opens (or creates) the crash collection and
/// writes `CrashWorkload` batches from `FIRST_BATCH` on, forever, writing `ack N` to stdout with one
/// unbuffered `write` after batch N returns — until the parent kills it with SIGKILL.
@main
enum CrashChild {
    static let batchesMax = 1_000_000

    static func main() async {
        let arguments = CommandLine.arguments
        guard arguments.count == 4, let seed = UInt64(arguments[2]), let first = Int(arguments[3]) else {
            fail("usage: VectorStoreCrashChild DATA_DIR SEED FIRST_BATCH")
        }
        let store = LocalStore(root: URL(fileURLWithPath: arguments[1]), options: CrashWorkload.options)
        do {
            let collection = try store.openOrCreate(CrashWorkload.info)
            for index in first..<(first + batchesMax) {
                switch CrashWorkload.batch(seed: seed, index: index) {
                case .upsert(let records): try await collection.upsert(records)
                case .delete(let ids): try await collection.delete(ids)
                }
                let line = Array("ack \(index)\n".utf8)
                _ = line.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            }
        } catch {
            fail("crash child: \(error)")
        }
    }

    static func fail(_ message: String) -> Never {
        let line = Array((message + "\n").utf8)
        _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        exit(2)
    }
}
