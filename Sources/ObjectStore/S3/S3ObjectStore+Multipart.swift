extension S3ObjectStore {
    public func createMultipartUpload(
        _ key: ObjectKey,
        options: PutOptions
    ) async throws(ObjectStoreError) -> MultipartUpload {
        let location = address.bucketURL
        let request = S3Request(
            method: .POST,
            key: key,
            query: [("uploads", "")],
            headers: Self.headers(.unconditional, options)
        )
        return try await send(request) { (response: S3Response) throws(ObjectStoreError) -> MultipartUpload in
            guard let uploadID = S3XMLElement.parse(response.body)?.childText("UploadId"), !uploadID.isEmpty else {
                throw Self.failure(status: response.status, body: response.body, key: key.rawValue, location: location)
            }
            return MultipartUpload(key: key, uploadID: uploadID)
        }
    }

    public func uploadPart(
        _ upload: MultipartUpload,
        partNumber: Int,
        bytes: [UInt8]
    ) async throws(ObjectStoreError) -> UploadedPart {
        let location = address.bucketURL
        guard (1...MultipartUpload.partNumberMax).contains(partNumber) else {
            throw ObjectStoreError(
                code: .badInput,
                key: upload.key.rawValue,
                location: location,
                message: "part number \(partNumber) not in 1...\(MultipartUpload.partNumberMax)"
            )
        }
        let request = S3Request(
            method: .PUT,
            key: upload.key,
            query: [("partNumber", String(partNumber)), ("uploadId", upload.uploadID)],
            body: bytes
        )
        return try await send(request) { (response: S3Response) throws(ObjectStoreError) -> UploadedPart in
            UploadedPart(
                partNumber: partNumber,
                etag: try response.etag(key: upload.key.rawValue, location: location),
                sizeBytes: bytes.count
            )
        }
    }

    /// CompleteMultipartUpload with the condition's headers. A 200 whose body is an `<Error>` is that
    /// error; a retry that finds the upload gone (an earlier attempt completed it) is resolved by a
    /// HEAD against the ETag the parts produce.
    public func completeMultipartUpload(
        _ upload: MultipartUpload,
        parts: [UploadedPart],
        condition: PutCondition
    ) async throws(ObjectStoreError) -> ObjectInfo {
        let key = upload.key
        let location = address.bucketURL
        let body =
            "<CompleteMultipartUpload>"
            + parts.map {
                "<Part><PartNumber>\($0.partNumber)</PartNumber><ETag>\(S3XMLElement.escaped($0.etag.headerValue))</ETag></Part>"
            }.joined() + "</CompleteMultipartUpload>"
        let request = S3Request(
            method: .POST,
            key: key,
            query: [("uploadId", upload.uploadID)],
            headers: Self.headers(condition, PutOptions()),
            body: Array(body.utf8)
        )
        let sizeBytes = parts.reduce(0) { $0 + $1.sizeBytes }
        let digests = parts.compactMap { ETagRecord.digest(of: $0.etag) }
        let expected = digests.count == parts.count ? ETagRecord.multipart(partDigests: digests) : nil
        return try await withRetries(key: key.rawValue) { (attempt: Int) async throws(ObjectStoreError) -> ObjectInfo in
            do throws(ObjectStoreError) {
                let response = try await exchange(request)
                guard let result = S3XMLElement.parse(response.body), result.name != "Error",
                    let etag = result.childText("ETag")
                else { throw Self.failure(status: 500, body: response.body, key: key.rawValue, location: location) }
                return ObjectInfo(key: key, sizeBytes: sizeBytes, etag: ETag(etag))
            } catch  where attempt > 1 && (error.code == .notFound || error.code == .preconditionFailed) {
                guard let expected, let current = try? await exchangeHead(key), current.etag == expected else {
                    throw error
                }
                return current
            }
        }
    }

    public func abortMultipartUpload(_ upload: MultipartUpload) async throws(ObjectStoreError) {
        let request = S3Request(method: .DELETE, key: upload.key, query: [("uploadId", upload.uploadID)])
        do {
            try await send(request) { (_: S3Response) throws(ObjectStoreError) in () }
        } catch  where error.code == .notFound {
            return
        }
    }
}
