import Foundation
import ObjectStore
import PipelineConfig
import VectorStore

extension StorageSettings {
    /// The bucket of the Cold tier as a `CollectionBucket` (`nil` without a Cold tier): a
    /// `FileSystemObjectStore` on its `path`, or an `S3ObjectStore` on its bucket (GCS: the XML API at
    /// `https://storage.googleapis.com` with HMAC keys), credentials from `AWS_ACCESS_KEY_ID` /
    /// `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN`. Call `shutdown(_:)` when done.
    ///
    /// - Throws: `PipelineError` (*bad input*) for missing credentials or a bad prefix.
    public func makeBucket(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(PipelineError) -> CollectionBucket? {
        guard let cold else { return nil }
        let store: any ObjectStore
        do {
            switch cold.backend {
            case .fileSystem:
                store = FileSystemObjectStore(root: cold.path ?? URL(fileURLWithPath: "bucket"))
            default:
                let endpoint =
                    cold.endpoint
                    ?? (cold.backend == .gcs
                        ? "https://storage.googleapis.com" : S3Configuration.awsEndpoint(region: cold.region))
                store = try S3ObjectStore(
                    configuration: S3Configuration(
                        endpoint: endpoint,
                        bucket: cold.bucket ?? "",
                        region: cold.region,
                        credentials: try S3Credentials.fromEnvironment(environment)
                    )
                )
            }
            return try CollectionBucket(
                store: store,
                prefix: cold.prefix,
                durability: CollectionBucket.Durability(rawValue: durability) ?? .object,
                segmentStorageClass: cold.storageClass.map(StorageClass.init)
            )
        } catch let error as ObjectStoreError {
            throw PipelineError(stage: .store, subject: cold.name, cause: error, message: "storage bucket: \(error)")
        } catch let error as StoreError {
            throw PipelineError(stage: .store, subject: cold.name, cause: error)
        } catch {
            throw PipelineError(stage: .store, subject: cold.name, wrapping: error)
        }
    }

    /// Releases the bucket's HTTP client, if it has one.
    public static func shutdown(_ bucket: CollectionBucket?) async {
        if let store = bucket?.store as? S3ObjectStore { await store.shutdown() }
    }
}
