import ObjectStore
import Testing

@testable import VectorStore

/// Checks a collection's bucket the way a reader would: every committed version, in order.
enum BucketAudit {
    /// The committed versions, which must be exactly 1…N (no gap, none twice); every version's
    /// segments and deletion vectors must be whole objects (a segment of exactly its `fileBytes`).
    ///
    /// - Returns: N.
    static func verify(
        _ store: any ObjectStore,
        bucket: CollectionBucket,
        collection: String
    ) async throws -> UInt64 {
        let layout = BucketLayout(bucket: bucket, collection: collection)
        let versions = try await store.list(prefix: layout.manifestsPrefix).compactMap(layout.version(of:))
        #expect(versions == Array(1...UInt64(versions.count)), "versions \(versions)")
        for version in versions {
            let manifest = try #require(try await BucketReads.manifest(version, layout: layout, store: store))
            for entry in manifest.segments {
                let info = try await store.head(try layout.segmentKey(entry.fileNumber))
                #expect(info.sizeBytes == Int(entry.fileBytes), "segment \(entry.fileNumber) of version \(version)")
                if entry.deletedCount > 0 {
                    _ = try await store.head(
                        try layout.deletionsKey(segment: entry.fileNumber, version: entry.deletionVersion)
                    )
                }
            }
        }
        return UInt64(versions.count)
    }
}
