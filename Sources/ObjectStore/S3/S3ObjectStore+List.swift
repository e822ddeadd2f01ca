extension S3ObjectStore {
    /// ListObjectsV2. Keys that are not valid `ObjectKey`s (written by other tools) are skipped.
    public func list(
        prefix: String,
        continuationToken: String?,
        maxKeys: Int
    ) async throws(ObjectStoreError) -> ListPage {
        let location = address.bucketURL
        guard (1...1_000).contains(maxKeys) else {
            throw ObjectStoreError(
                code: .badInput,
                key: prefix,
                location: location,
                message: "maxKeys \(maxKeys) not in 1...1000"
            )
        }
        var request = S3Request(method: .GET, key: nil)
        request.query = [("list-type", "2"), ("prefix", prefix), ("max-keys", String(maxKeys))]
        if let continuationToken { request.query.append(("continuation-token", continuationToken)) }
        return try await send(request) { (response: S3Response) throws(ObjectStoreError) -> ListPage in
            guard let result = S3XMLElement.parse(response.body), result.name == "ListBucketResult" else {
                throw ObjectStoreError(
                    code: .corruption,
                    key: prefix,
                    location: location,
                    status: response.status,
                    message: "ListObjectsV2 answered without a ListBucketResult"
                )
            }
            var objects: [ObjectInfo] = []
            for contents in result.children("Contents") {
                guard let name = contents.childText("Key"), let key = try? ObjectKey(name),
                    let size = contents.childText("Size").flatMap(Int.init), let etag = contents.childText("ETag")
                else { continue }
                objects.append(ObjectInfo(key: key, sizeBytes: size, etag: ETag(etag)))
            }
            let truncated = result.childText("IsTruncated") == "true"
            let next = truncated ? result.childText("NextContinuationToken") : nil
            return ListPage(objects: objects, continuationToken: next)
        }
    }
}
