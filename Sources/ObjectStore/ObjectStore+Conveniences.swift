extension ObjectStore {
    /// The whole object's bytes, or `nil` when there is none.
    public func get(_ key: ObjectKey) async throws(ObjectStoreError) -> [UInt8]? {
        do {
            return try await get(key, range: nil).bytes
        } catch  where error.code == .notFound {
            return nil
        }
    }

    /// Stores `bytes` under `key`, replacing any previous object.
    @discardableResult
    public func put(_ key: ObjectKey, bytes: [UInt8]) async throws(ObjectStoreError) -> ObjectInfo {
        try await put(key, bytes: bytes, condition: .unconditional, options: PutOptions())
    }

    /// Stores `bytes` under `key` when `condition` holds (see `put(_:bytes:condition:options:)`).
    @discardableResult
    public func put(
        _ key: ObjectKey,
        bytes: [UInt8],
        condition: PutCondition
    ) async throws(ObjectStoreError) -> ObjectInfo {
        try await put(key, bytes: bytes, condition: condition, options: PutOptions())
    }

    /// Reads several ranges of one object, at most `concurrencyMax` requests at a time, in the order
    /// given (a cold query's batch of cluster reads: one dependent round trip for all of them).
    ///
    /// - Throws: the first failing read's error; `conflict` when the object was replaced between the
    ///   reads (their ETags differ), so the bytes never mix two versions.
    public func get(
        _ key: ObjectKey,
        ranges: [ByteRange],
        concurrencyMax: Int = 16
    ) async throws(ObjectStoreError) -> [ObjectRead] {
        let reads = try await concurrentMap(ranges, concurrencyMax: concurrencyMax) {
            (range: ByteRange) async throws(ObjectStoreError) -> ObjectRead in
            try await self.get(key, range: range)
        }
        if let first = reads.first, let other = reads.first(where: { $0.etag != first.etag }) {
            throw ObjectStoreError(
                code: .conflict,
                key: key.rawValue,
                message: "object changed during a multi-range read (ETag \(first.etag), then \(other.etag))"
            )
        }
        return reads
    }

    /// Every object whose key starts with `prefix`, walking all pages of `pageKeys` objects.
    ///
    /// - Parameter objectsMax: stop with `badInput` past this many objects, so a wrong prefix cannot
    ///   exhaust memory.
    public func listAll(
        prefix: String,
        pageKeys: Int = 1_000,
        objectsMax: Int = 10_000_000
    ) async throws(ObjectStoreError) -> [ObjectInfo] {
        var objects: [ObjectInfo] = []
        var token: String?
        repeat {
            let page = try await list(prefix: prefix, continuationToken: token, maxKeys: pageKeys)
            objects += page.objects
            guard objects.count <= objectsMax else {
                throw ObjectStoreError(code: .badInput, key: prefix, message: "more than \(objectsMax) objects")
            }
            token = page.continuationToken
        } while token != nil
        return objects
    }

    /// The keys that start with `prefix`, sorted.
    public func list(prefix: String) async throws(ObjectStoreError) -> [ObjectKey] {
        try await listAll(prefix: prefix).map(\.key)
    }

    /// Stores `bytes` as a multipart upload of `partBytes`-byte parts (the last one shorter), at most
    /// `concurrencyMax` parts in flight; the upload is aborted when any step fails.
    ///
    /// - Parameter partBytes: at least `MultipartUpload.minimumPartBytes`, and large enough for at most
    ///   10,000 parts.
    @discardableResult
    public func putInParts(
        _ key: ObjectKey,
        bytes: [UInt8],
        partBytes: Int,
        condition: PutCondition = .unconditional,
        options: PutOptions = PutOptions(),
        concurrencyMax: Int = 4
    ) async throws(ObjectStoreError) -> ObjectInfo {
        let partCount = max(1, (bytes.count + partBytes - 1) / partBytes)
        guard partBytes >= MultipartUpload.minimumPartBytes, partCount <= MultipartUpload.partNumberMax else {
            throw ObjectStoreError(
                code: .badInput,
                key: key.rawValue,
                message: "part size \(partBytes) bytes: need >= \(MultipartUpload.minimumPartBytes) and <= 10000 parts"
            )
        }
        let upload = try await createMultipartUpload(key, options: options)
        do {
            let parts = try await concurrentMap(Array(1...partCount), concurrencyMax: concurrencyMax) {
                (number: Int) async throws(ObjectStoreError) -> UploadedPart in
                let start = (number - 1) * partBytes
                let slice = Array(bytes[start..<min(bytes.count, start + partBytes)])
                return try await self.uploadPart(upload, partNumber: number, bytes: slice)
            }
            return try await completeMultipartUpload(upload, parts: parts, condition: condition)
        } catch {
            try? await abortMultipartUpload(upload)
            throw error
        }
    }
}
