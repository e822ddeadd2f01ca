import Foundation
import Glibc
import ObjectStore
import Testing

/// What only the file-system store promises: its files on disk, ETags for files it did not write,
/// no leftovers, racing writers in the same process, and key validation.
@Suite struct FileSystemObjectStoreTests {
    private func makeStore() -> FileSystemObjectStore {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("objstore-\(UUID().uuidString)")
        return FileSystemObjectStore(root: root)
    }

    @Test func putGetListDelete() async throws {
        let store = makeStore()
        defer { try? FileManager.default.removeItem(at: store.root) }
        let a = try ObjectKey("raw/1999901/000199990125000004/hrsc-20241231.htm.zst")
        let b = try ObjectKey("raw/1999902/000199990225000007/nwfl-20250331.htm.zst")
        try await store.put(a, bytes: [1, 2, 3])
        try await store.put(b, bytes: [4])
        try await store.put(a, bytes: [9, 9])
        #expect(try await store.get(a) == [9, 9])
        #expect(FileManager.default.contents(atPath: store.root.path + "/" + a.rawValue) == Data([9, 9]))
        #expect(try await store.list(prefix: "raw/") == [a, b])
        #expect(try await store.list(prefix: "raw/1999902") == [b])
        try await store.delete(a)
        try await store.delete(a)
        #expect(try await store.get(a) == nil)
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: store.root.path).filter {
            $0.hasSuffix(".tmp")
        }
        #expect(leftovers.isEmpty)
    }

    @Test func aFileWrittenByAnotherToolGetsItsMD5AsETag() async throws {
        let store = makeStore()
        defer { try? FileManager.default.removeItem(at: store.root) }
        try FileManager.default.createDirectory(
            at: store.root.appendingPathComponent("raw"),
            withIntermediateDirectories: true
        )
        #expect(FileManager.default.createFile(atPath: store.root.path + "/raw/legacy", contents: Data("hello".utf8)))
        let key = try ObjectKey("raw/legacy")
        #expect(try await store.head(key).etag.rawValue == "5d41402abc4b2a76b9719d911017c592")
        let swapped = try await store.put(
            key,
            bytes: Array("world".utf8),
            condition: .ifMatch(ETag("5d41402abc4b2a76b9719d911017c592"))
        )
        #expect(swapped.etag.rawValue == "7d793037a0760186574b0282f2f435e7")
        #expect(try await store.head(key).etag == swapped.etag)
    }

    @Test func manyRacingCompareAndSwapsLoseNoUpdate() async throws {
        let store = makeStore()
        defer { try? FileManager.default.removeItem(at: store.root) }
        let key = try ObjectKey("counter")
        try await store.put(key, bytes: Array("0".utf8))
        // 8 writers each add 1 to 5 times through read-modify-CAS loops; a lost update would leave
        // the counter short of 40.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    for _ in 0..<5 {
                        while true {
                            let current = try await store.get(key, range: nil)
                            let value = Int(String(decoding: current.bytes, as: UTF8.self)) ?? -1
                            do {
                                try await store.put(
                                    key,
                                    bytes: Array(String(value + 1).utf8),
                                    condition: .ifMatch(current.etag)
                                )
                                break
                            } catch let error as ObjectStoreError where error.code == .preconditionFailed {
                                continue
                            }
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await store.get(key) == Array("40".utf8))
    }

    @Test func aKeyUnderAnObjectIsNotFound() async throws {
        let store = makeStore()
        defer { try? FileManager.default.removeItem(at: store.root) }
        try await store.put(try ObjectKey("a"), bytes: [1])
        #expect(try await store.get(try ObjectKey("a/b")) == nil)
        try await store.put(try ObjectKey("d/x"), bytes: [1])
        #expect(try await store.get(try ObjectKey("d")) == nil, "a directory is not an object")
    }

    @Test(arguments: [
        "", "../etc/passwd", "raw//x", "raw/./x", "/abs", "raw/x y", "raw/\u{E9}", ".objectstore/locks/1", "raw/.x",
    ])
    func rejectsUnsafeKeys(_ key: String) {
        #expect(throws: ObjectStoreError.self) { try ObjectKey(key) }
    }
}
