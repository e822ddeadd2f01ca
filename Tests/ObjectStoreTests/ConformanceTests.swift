import Crypto
import Foundation
import ObjectStore
import Testing

/// One contract, every backend: each test runs against `FileSystemObjectStore` and against
/// `S3ObjectStore` on a moto_server the suite starts on 127.0.0.1 (cancelled, with the reason, when
/// moto_server is not installed). Goal: code written against `ObjectStore` behaves the same on the
/// local disk and on a bucket — results, ETags and error codes alike.
@Suite(.motoServer) struct ConformanceTests {
    static func md5(_ bytes: [UInt8]) -> String {
        Insecure.MD5.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    @Test(arguments: Backend.allCases) func roundTripAndHead(_ backend: Backend) async throws {
        try await StoreFixture.withStore(backend) { store in
            let key = try ObjectKey("segments/000001.seg")
            let first = StoreFixture.bytes(10_000, seed: 1)
            let written = try await store.put(key, bytes: first)
            #expect(written.sizeBytes == 10_000)
            #expect(written.etag.rawValue == Self.md5(first))
            let read = try await store.get(key, range: nil)
            #expect(read.bytes == first)
            #expect(read.etag == written.etag)
            #expect(read.objectSizeBytes == 10_000)
            #expect(try await store.head(key) == written)
            let second = StoreFixture.bytes(3, seed: 2)
            let replaced = try await store.put(key, bytes: second)
            #expect(replaced.etag != written.etag)
            #expect(try await store.get(key) == second)
            let empty = try ObjectKey("empty")
            try await store.put(empty, bytes: [])
            #expect(try await store.get(empty) == [])
            #expect(try await store.head(empty).sizeBytes == 0)
        }
    }

    @Test(arguments: Backend.allCases) func byteRanges(_ backend: Backend) async throws {
        try await StoreFixture.withStore(backend) { store in
            let key = try ObjectKey("ranges/object")
            let bytes = StoreFixture.bytes(1_000, seed: 3)
            try await store.put(key, bytes: bytes)
            let middle = try await store.get(key, range: ByteRange(offsetBytes: 10, lengthBytes: 100))
            #expect(middle.bytes == Array(bytes[10..<110]))
            #expect(middle.objectSizeBytes == 1_000)
            let tail = try await store.get(key, range: ByteRange(offsetBytes: 990, lengthBytes: 100))
            #expect(tail.bytes == Array(bytes[990...]))
            let past = await #expect(throws: ObjectStoreError.self) {
                try await store.get(key, range: ByteRange(offsetBytes: 1_000, lengthBytes: 1))
            }
            #expect(past?.code == .badInput)
            let ranges = (0..<8).map { ByteRange(offsetBytes: $0 * 120, lengthBytes: 50 + $0) }
            let reads = try await store.get(key, ranges: ranges, concurrencyMax: 8)
            #expect(reads.map(\.bytes) == ranges.map { Array(bytes[$0.offsetBytes..<$0.endBytes]) })
            #expect(Set(reads.map(\.etag)).count == 1)
        }
    }

    @Test(arguments: Backend.allCases) func missingKey(_ backend: Backend) async throws {
        try await StoreFixture.withStore(backend) { store in
            let key = try ObjectKey("absent/object")
            let get = await #expect(throws: ObjectStoreError.self) { try await store.get(key, range: nil) }
            #expect(get?.code == .notFound)
            let head = await #expect(throws: ObjectStoreError.self) { try await store.head(key) }
            #expect(head?.code == .notFound)
            #expect(try await store.get(key) == nil)
            try await store.delete(key)
            #expect(try await store.listAll(prefix: "absent/").isEmpty)
        }
    }

    @Test(arguments: Backend.allCases) func putIfAbsentRaceHasOneWinner(_ backend: Backend) async throws {
        try await StoreFixture.withStore(backend) { store in
            for round in 0..<5 {
                let key = try ObjectKey("manifest/\(round)")
                let contents = [
                    StoreFixture.bytes(2_000, seed: UInt64(round * 2)),
                    StoreFixture.bytes(2_000, seed: UInt64(round * 2 + 1)),
                ]
                let outcomes = await withTaskGroup(of: (Int, Result<ObjectInfo, ObjectStoreError>).self) { group in
                    for writer in 0..<2 {
                        group.addTask {
                            do throws(ObjectStoreError) {
                                return (
                                    writer,
                                    .success(try await store.put(key, bytes: contents[writer], condition: .ifAbsent))
                                )
                            } catch {
                                return (writer, .failure(error))
                            }
                        }
                    }
                    return await group.reduce(into: []) { $0.append($1) }
                }
                let winners = outcomes.filter { if case .success = $0.1 { true } else { false } }
                #expect(winners.count == 1, "round \(round): \(outcomes)")
                for case (_, .failure(let error)) in outcomes {
                    #expect(error.code == .preconditionFailed || error.code == .conflict)
                }
                if let winner = winners.first?.0 { #expect(try await store.get(key) == contents[winner]) }
            }
        }
    }

    @Test(arguments: Backend.allCases) func putIfMatchIsCompareAndSwap(_ backend: Backend) async throws {
        try await StoreFixture.withStore(backend) { store in
            let key = try ObjectKey("manifest/current")
            let first = try await store.put(key, bytes: Array("version 1".utf8), condition: .ifAbsent)
            let second = try await store.put(key, bytes: Array("version 2".utf8), condition: .ifMatch(first.etag))
            #expect(second.etag != first.etag)
            let stale = await #expect(throws: ObjectStoreError.self) {
                try await store.put(key, bytes: Array("version 3".utf8), condition: .ifMatch(first.etag))
            }
            #expect(stale?.code == .preconditionFailed)
            #expect(try await store.get(key) == Array("version 2".utf8))
            let again = await #expect(throws: ObjectStoreError.self) {
                try await store.put(key, bytes: [1], condition: .ifAbsent)
            }
            #expect(again?.code == .preconditionFailed)
            let missing = await #expect(throws: ObjectStoreError.self) {
                try await store.put(try ObjectKey("manifest/none"), bytes: [1], condition: .ifMatch(first.etag))
            }
            #expect(missing?.code == .notFound)
        }
    }

    @Test(arguments: Backend.allCases) func paginatedListing(_ backend: Backend) async throws {
        try await StoreFixture.withStore(backend) { store in
            let names = (0..<7).map { "p/k\($0)" } + ["p/sub/deep", "q/other", "pz"]
            for name in names { try await store.put(try ObjectKey(name), bytes: Array(name.utf8)) }
            var pages: [[String]] = []
            var token: String?
            repeat {
                let page = try await store.list(prefix: "p/", continuationToken: token, maxKeys: 3)
                pages.append(page.objects.map(\.key.rawValue))
                token = page.continuationToken
            } while token != nil && pages.count < 10
            let expected = (0..<7).map { "p/k\($0)" } + ["p/sub/deep"]
            #expect(pages.flatMap { $0 } == expected)
            #expect(pages.map(\.count) == [3, 3, 2])
            let all = try await store.listAll(prefix: "p/", pageKeys: 2)
            #expect(all.map(\.key.rawValue) == expected)
            #expect(all.first?.sizeBytes == 4)
            #expect(all.first?.etag.rawValue == Self.md5(Array("p/k0".utf8)))
            #expect(try await store.list(prefix: "p/k").count == 7)
            #expect(try await store.list(prefix: "p").count == 9)
            #expect(try await store.list(prefix: "").count == 10)
        }
    }

    @Test(arguments: Backend.allCases) func deleteRemoves(_ backend: Backend) async throws {
        try await StoreFixture.withStore(backend) { store in
            let key = try ObjectKey("d/object")
            try await store.put(key, bytes: [1, 2, 3])
            try await store.delete(key)
            #expect(try await store.get(key) == nil)
            #expect(try await store.list(prefix: "d/").isEmpty)
            try await store.put(key, bytes: [4], condition: .ifAbsent)
            #expect(try await store.get(key) == [4])
        }
    }
}
