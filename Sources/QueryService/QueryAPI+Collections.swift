import Hummingbird
import VectorStore

extension QueryAPI {
    struct CollectionList: Encodable {
        var collections: [CollectionBody]
    }

    struct Dropped: Encodable {
        var dropped: String
    }

    /// `POST /v1/collections`: 201 with the new collection; 409 when the name is taken.
    @Sendable func createCollection(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let bytes = try await request.body.collect(upTo: limits.bodyBytesMax)
        let body = try JSONBody.decode(CreateCollectionBody.self, from: bytes)
        return try await audited("collection.create", collection: body.name, context) {
            let info = try body.info()
            let engine = stores.engine(caller.tenant)
            guard try await !engine.collectionNames().contains(info.name) else {
                throw APIError(.conflict, code: "conflict", message: "collection '\(info.name)' exists")
            }
            let collection = try await engine.openOrCreate(info)
            return (JSONBody.response(CollectionBody(await collection.readSnapshot()), status: .created), nil)
        }
    }

    /// `GET /v1/collections`: the caller's collections, sorted by name.
    @Sendable func listCollections(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let engine = stores.engine(caller.tenant)
        var bodies: [CollectionBody] = []
        for name in try await engine.collectionNames() {
            bodies.append(CollectionBody(try await engine.snapshot(of: name)))
        }
        return JSONBody.response(CollectionList(collections: bodies))
    }

    /// `GET /v1/collections/{name}`.
    @Sendable func describeCollection(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let name = try context.parameters.require("name")
        return JSONBody.response(CollectionBody(try await collection(caller, name).readSnapshot()))
    }

    /// `DELETE /v1/collections/{name}`: the collection is closed and moved aside (docs/service.md).
    @Sendable func dropCollection(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let name = try context.parameters.require("name")
        return try await audited("collection.drop", collection: name, context) {
            do throws(StoreError) {
                try await stores.engine(caller.tenant).drop(name)
            } catch  where error.code == .notFound {
                throw APIError.noCollection(name)
            }
            stores.forgetEmbedder(caller.tenant, collection: name)
            return (JSONBody.response(Dropped(dropped: name)), nil)
        }
    }

    struct SnapshotList: Encodable {
        struct Entry: Encodable {
            var version: UInt64
            var committedAt: String
            var rowCount: Int
            var segmentCount: Int
            var pinned: Bool
            var current: Bool
        }

        var snapshots: [Entry]
    }

    /// `GET /v1/collections/{name}/snapshots`: the retained versions, oldest first, for `asOf`.
    @Sendable func listSnapshots(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let name = try context.parameters.require("name")
        let entries = try await collection(caller, name).snapshots().map { snapshot in
            SnapshotList.Entry(
                version: snapshot.version,
                committedAt: snapshot.committedAt.formatted(.iso8601),
                rowCount: snapshot.rowCount,
                segmentCount: snapshot.segmentCount,
                pinned: snapshot.isPinned,
                current: snapshot.isCurrent
            )
        }
        return JSONBody.response(SnapshotList(snapshots: entries))
    }
}
