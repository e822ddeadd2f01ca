import Foundation
import ObjectStore
import Testing

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

    @Test(arguments: ["", "../etc/passwd", "raw//x", "raw/./x", "/abs", "raw/x y", "raw/\u{E9}"])
    func rejectsUnsafeKeys(_ key: String) {
        #expect(throws: ObjectStoreError.self) { try ObjectKey(key) }
    }
}
