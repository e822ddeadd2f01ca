import Foundation
import ObjectStore
import Testing

/// The multipart half of the conformance suite (see `ConformanceTests`): parts assembled in order,
/// S3's ETag of the result, S3's part rules, abort, and conditions checked at completion.
@Suite(.motoServer) struct MultipartConformanceTests {
    static let part = MultipartUpload.minimumPartBytes

    @Test(arguments: Backend.allCases) func putInPartsRoundTrips(_ backend: Backend) async throws {
        try await StoreFixture.withStore(backend) { store in
            let key = try ObjectKey("large/object")
            let bytes = StoreFixture.bytes(2 * Self.part + 1_000, seed: 7)
            let written = try await store.putInParts(key, bytes: bytes, partBytes: Self.part)
            #expect(written.sizeBytes == bytes.count)
            #expect(written.etag.rawValue.hasSuffix("-3"))
            #expect(try await store.head(key) == written)
            let read = try await store.get(key, range: nil)
            #expect(read.bytes == bytes)
            #expect(read.etag == written.etag)
            let across = try await store.get(key, range: ByteRange(offsetBytes: Self.part - 10, lengthBytes: 20))
            #expect(across.bytes == Array(bytes[(Self.part - 10)..<(Self.part + 10)]))
        }
    }

    @Test(arguments: Backend.allCases) func partsUploadedOutOfOrderAssembleInOrder(_ backend: Backend) async throws {
        try await StoreFixture.withStore(backend) { store in
            let key = try ObjectKey("large/out-of-order")
            let first = StoreFixture.bytes(Self.part, seed: 8)
            let last = StoreFixture.bytes(10, seed: 9)
            let upload = try await store.createMultipartUpload(key, options: PutOptions(storageClass: .standardIA))
            let two = try await store.uploadPart(upload, partNumber: 2, bytes: last)
            let one = try await store.uploadPart(upload, partNumber: 1, bytes: first)
            #expect(try await store.get(key) == nil, "nothing is visible before completion")
            let done = try await store.completeMultipartUpload(upload, parts: [one, two], condition: .ifAbsent)
            #expect(done.sizeBytes == Self.part + 10)
            #expect(try await store.get(key) == first + last)
        }
    }

    @Test(arguments: Backend.allCases) func smallPartsAndBadOrderAreRejected(_ backend: Backend) async throws {
        try await StoreFixture.withStore(backend) { store in
            let key = try ObjectKey("large/small-parts")
            let upload = try await store.createMultipartUpload(key, options: PutOptions())
            let one = try await store.uploadPart(upload, partNumber: 1, bytes: [1, 2, 3])
            let two = try await store.uploadPart(upload, partNumber: 2, bytes: [4, 5, 6])
            let small = await #expect(throws: ObjectStoreError.self) {
                try await store.completeMultipartUpload(upload, parts: [one, two], condition: .unconditional)
            }
            #expect(small?.code == .badInput)
            let outOfRange = await #expect(throws: ObjectStoreError.self) {
                try await store.uploadPart(upload, partNumber: 0, bytes: [1])
            }
            #expect(outOfRange?.code == .badInput)
            try await store.abortMultipartUpload(upload)
            try await store.abortMultipartUpload(upload)
            #expect(try await store.get(key) == nil)
        }
    }

    @Test(arguments: Backend.allCases) func abortedUploadIsGone(_ backend: Backend) async throws {
        try await StoreFixture.withStore(backend) { store in
            let key = try ObjectKey("large/aborted")
            let upload = try await store.createMultipartUpload(key, options: PutOptions())
            let part = try await store.uploadPart(upload, partNumber: 1, bytes: [1])
            try await store.abortMultipartUpload(upload)
            try await store.abortMultipartUpload(upload)
            let gone = await #expect(throws: ObjectStoreError.self) {
                try await store.completeMultipartUpload(upload, parts: [part], condition: .unconditional)
            }
            // S3 answers 404 NoSuchUpload; moto 5.2.5 answers 500 (a KeyError) for an aborted upload.
            #expect(gone?.code == (backend == .fileSystem ? .notFound : .transient))
            #expect(try await store.get(key) == nil)
        }
    }

    @Test(arguments: Backend.allCases) func completionChecksPutIfAbsent(_ backend: Backend) async throws {
        try await StoreFixture.withStore(backend) { store in
            let key = try ObjectKey("large/exists")
            try await store.put(key, bytes: [9])
            let upload = try await store.createMultipartUpload(key, options: PutOptions())
            let part = try await store.uploadPart(upload, partNumber: 1, bytes: [1, 2])
            let refused = await #expect(throws: ObjectStoreError.self) {
                try await store.completeMultipartUpload(upload, parts: [part], condition: .ifAbsent)
            }
            #expect(refused?.code == .preconditionFailed)
            #expect(try await store.get(key) == [9])
            try await store.abortMultipartUpload(upload)
        }
    }
}
