import NIOHTTP1

extension S3ObjectStore {
    public func get(_ key: ObjectKey, range: ByteRange?) async throws(ObjectStoreError) -> ObjectRead {
        var request = S3Request(method: .GET, key: key)
        if let range { request.headers.append(("range", range.headerValue)) }
        let location = address.bucketURL
        let verifies = configuration.verifiesWholeObjectMD5
        do {
            return try await send(request) { (response: S3Response) throws(ObjectStoreError) -> ObjectRead in
                let etag = try response.etag(key: key.rawValue, location: location)
                func fail(_ code: ObjectStoreError.Code, _ message: String) -> ObjectStoreError {
                    ObjectStoreError(
                        code: code,
                        key: key.rawValue,
                        location: location,
                        status: response.status,
                        message: message
                    )
                }
                if response.status == 206, let range {
                    guard let total = Self.totalSize(contentRange: response.headers.first(name: "Content-Range")) else {
                        throw fail(.corruption, "206 without a valid Content-Range")
                    }
                    let expected = min(range.lengthBytes, total - range.offsetBytes)
                    guard response.body.count == expected else {
                        throw fail(.transient, "short range: \(response.body.count) of \(expected) bytes")
                    }
                    return ObjectRead(bytes: response.body, etag: etag, objectSizeBytes: total)
                }
                let size = response.body.count
                if verifies, etag.isContentMD5, ETagRecord.md5(of: response.body) != etag {
                    throw fail(
                        .corruption,
                        "the body's MD5 is \(ETagRecord.md5(of: response.body)), not its ETag \(etag)"
                    )
                }
                guard let range else { return ObjectRead(bytes: response.body, etag: etag, objectSizeBytes: size) }
                // A server that ignored the Range header sent the whole object.
                guard range.offsetBytes < size else {
                    throw fail(.badInput, "range \(range) past the end of \(size) bytes")
                }
                let bytes = Array(response.body[range.offsetBytes..<min(size, range.endBytes)])
                return ObjectRead(bytes: bytes, etag: etag, objectSizeBytes: size)
            }
        } catch  where error.status == 416 {
            throw ObjectStoreError(
                code: .badInput,
                key: key.rawValue,
                location: location,
                status: 416,
                message: "range \(String(describing: range)) starts at or past the end of the object"
            )
        }
    }

    public func head(_ key: ObjectKey) async throws(ObjectStoreError) -> ObjectInfo {
        let location = address.bucketURL
        return try await send(S3Request(method: .HEAD, key: key)) { (response: S3Response) throws(ObjectStoreError) in
            guard let size = response.headers.first(name: "Content-Length").flatMap(Int.init) else {
                throw ObjectStoreError(
                    code: .corruption,
                    key: key.rawValue,
                    location: location,
                    message: "no Content-Length"
                )
            }
            return ObjectInfo(key: key, sizeBytes: size, etag: try response.etag(key: key.rawValue, location: location))
        }
    }

    @discardableResult
    public func put(
        _ key: ObjectKey,
        bytes: [UInt8],
        condition: PutCondition,
        options: PutOptions
    ) async throws(ObjectStoreError) -> ObjectInfo {
        if bytes.count > configuration.multipartThresholdBytes {
            return try await putInParts(
                key,
                bytes: bytes,
                partBytes: configuration.partBytes,
                condition: condition,
                options: options,
                concurrencyMax: configuration.partConcurrencyMax
            )
        }
        let request = S3Request(method: .PUT, key: key, headers: Self.headers(condition, options), body: bytes)
        let location = address.bucketURL
        let expected = ETagRecord.md5(of: bytes)
        return try await withRetries(key: key.rawValue) { (attempt: Int) async throws(ObjectStoreError) -> ObjectInfo in
            do throws(ObjectStoreError) {
                let response = try await exchange(request)
                return ObjectInfo(
                    key: key,
                    sizeBytes: bytes.count,
                    etag: try response.etag(key: key.rawValue, location: location)
                )
            } catch  where attempt > 1 && condition != .unconditional && error.code == .preconditionFailed {
                // An earlier attempt may have landed before its response was lost.
                guard let current = try? await exchangeHead(key), current.etag == expected else { throw error }
                return current
            }
        }
    }

    public func delete(_ key: ObjectKey) async throws(ObjectStoreError) {
        try await send(S3Request(method: .DELETE, key: key)) { (_: S3Response) throws(ObjectStoreError) in () }
    }

    /// The headers of a write's condition and options.
    static func headers(_ condition: PutCondition, _ options: PutOptions) -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = []
        switch condition {
        case .unconditional: break
        case .ifAbsent: headers.append(("if-none-match", "*"))
        case .ifMatch(let etag): headers.append(("if-match", etag.headerValue))
        }
        if let storageClass = options.storageClass { headers.append(("x-amz-storage-class", storageClass.rawValue)) }
        return headers
    }

    /// One HEAD without retries (inside another request's retry loop).
    func exchangeHead(_ key: ObjectKey) async throws(ObjectStoreError) -> ObjectInfo {
        let response = try await exchange(S3Request(method: .HEAD, key: key))
        let size = response.headers.first(name: "Content-Length").flatMap(Int.init) ?? 0
        return ObjectInfo(
            key: key,
            sizeBytes: size,
            etag: try response.etag(key: key.rawValue, location: address.bucketURL)
        )
    }

    /// The total of `Content-Range: bytes first-last/total`.
    static func totalSize(contentRange: String?) -> Int? {
        guard let contentRange, let slash = contentRange.lastIndex(of: "/") else { return nil }
        return Int(contentRange[contentRange.index(after: slash)...])
    }
}
