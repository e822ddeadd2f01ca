import Hummingbird
import VectorStore

extension QueryAPI {
    struct CollectionList: Encodable, Sendable {
        var collections: [CollectionBody]
    }

    struct Dropped: Encodable, Sendable {
        var dropped: String
    }

    /// `POST /v1/collections`: 201 with the new collection; 409 when the name is taken.
    @Sendable func createCollection(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let bytes = try await request.body.collect(upTo: limits.bodyBytesMax)
        let body = try JSONBody.decode(CreateCollectionBody.self, from: bytes)
        return try await audited("collection.create", collection: body.name, context) {
            (JSONBody.response(try await createCollection(body, caller: caller), status: .created), nil)
        }
    }

    /// Creates the caller's collection `body` describes.
    ///
    /// - Throws: `APIError` 409 `conflict` when the name is taken; what `CreateCollectionBody.info()`
    ///   and the store throw (400 for a bad name or schema).
    func createCollection(_ body: CreateCollectionBody, caller: Caller) async throws -> CollectionBody {
        let info = try body.info()
        let engine = stores.engine(caller.tenant)
        guard try await !engine.collectionNames().contains(info.name) else {
            throw APIError(.conflict, code: "conflict", message: "collection '\(info.name)' exists")
        }
        let collection = try await engine.openOrCreate(info)
        return CollectionBody(await collection.readSnapshot())
    }

    /// `GET /v1/collections`: the caller's collections, sorted by name.
    @Sendable func listCollections(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        return JSONBody.response(CollectionList(collections: try await collections(caller)))
    }

    /// The caller's collections, sorted by name.
    func collections(_ caller: Caller) async throws -> [CollectionBody] {
        let engine = stores.engine(caller.tenant)
        var bodies: [CollectionBody] = []
        for name in try await engine.collectionNames() {
            bodies.append(CollectionBody(try await engine.snapshot(of: name)))
        }
        return bodies
    }

    /// `GET /v1/collections/{name}`.
    @Sendable func describeCollection(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let name = try context.parameters.require("name")
        return JSONBody.response(try await describe(name, caller: caller))
    }

    /// The caller's collection `name`.
    ///
    /// - Throws: `APIError` 404 when the caller's tenant has no such collection.
    func describe(_ name: String, caller: Caller) async throws -> CollectionBody {
        CollectionBody(try await collection(caller, name).readSnapshot())
    }

    /// `DELETE /v1/collections/{name}`: the collection is closed and moved aside (docs/service.md).
    @Sendable func dropCollection(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let name = try context.parameters.require("name")
        return try await audited("collection.drop", collection: name, context) {
            (JSONBody.response(try await drop(name, caller: caller)), nil)
        }
    }

    /// Drops the caller's collection `name` (closed, its directory moved aside).
    ///
    /// - Throws: `APIError` 404 when the caller's tenant has no such collection; the store's errors.
    func drop(_ name: String, caller: Caller) async throws -> Dropped {
        do throws(StoreError) {
            try await stores.engine(caller.tenant).drop(name)
        } catch  where error.code == .notFound {
            throw APIError.noCollection(name)
        }
        stores.forgetEmbedder(caller.tenant, collection: name)
        return Dropped(dropped: name)
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
