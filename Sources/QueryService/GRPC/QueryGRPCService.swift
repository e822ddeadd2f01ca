import GRPCCore
import Logging

/// The gRPC API (proto/vectordb.proto; docs/service.md, "gRPC"): each method reads its request
/// into the HTTP API's body types and calls the same `QueryAPI` functions the HTTP handlers call
/// (validation, tenant stores, QoS, deadlines, audit), inside `GRPCCall` (request id,
/// authentication, rate limit, logs, metrics, the one error mapping).
public struct QueryGRPCService: Vectordb_V1_VectorDB.ServiceProtocol {
    let api: QueryAPI
    let call: GRPCCall

    /// The service over `api`'s state, authenticating as `auth` (the HTTP router's mode).
    public init(api: QueryAPI, auth: AuthMiddleware.Mode, logger: Logger) {
        self.api = api
        call = GRPCCall(auth: auth, qos: api.qos, metrics: api.metrics, logger: logger)
    }

    public func createCollection(
        request: ServerRequest<Vectordb_V1_CreateCollectionRequest>,
        context: ServerContext
    ) async throws -> ServerResponse<Vectordb_V1_Collection> {
        await call.run(request, context) { scope in
            let body = try CreateCollectionBody(request.message)
            let created = try await audited("collection.create", body.name, scope, status: 201) {
                (try await api.createCollection(body, caller: scope.caller), nil)
            }
            return Vectordb_V1_Collection(created)
        }
    }

    public func listCollections(
        request: ServerRequest<Vectordb_V1_ListCollectionsRequest>,
        context: ServerContext
    ) async throws -> ServerResponse<Vectordb_V1_ListCollectionsResponse> {
        await call.run(request, context) { scope in
            var response = Vectordb_V1_ListCollectionsResponse()
            response.collections = try await api.collections(scope.caller).map(Vectordb_V1_Collection.init)
            return response
        }
    }

    public func describeCollection(
        request: ServerRequest<Vectordb_V1_DescribeCollectionRequest>,
        context: ServerContext
    ) async throws -> ServerResponse<Vectordb_V1_Collection> {
        await call.run(request, context) { scope in
            Vectordb_V1_Collection(try await api.describe(request.message.name, caller: scope.caller))
        }
    }

    public func dropCollection(
        request: ServerRequest<Vectordb_V1_DropCollectionRequest>,
        context: ServerContext
    ) async throws -> ServerResponse<Vectordb_V1_DropCollectionResponse> {
        await call.run(request, context) { scope in
            let name = request.message.name
            let dropped = try await audited("collection.drop", name, scope) {
                (try await api.drop(name, caller: scope.caller), nil)
            }
            var response = Vectordb_V1_DropCollectionResponse()
            response.dropped = dropped.dropped
            return response
        }
    }

    public func upsertDocuments(
        request: ServerRequest<Vectordb_V1_UpsertDocumentsRequest>,
        context: ServerContext
    ) async throws -> ServerResponse<Vectordb_V1_UpsertDocumentsResponse> {
        await call.run(request, context) { scope in
            let name = request.message.collection
            let items = request.message.documents.map(\.json)
            let upserted = try await audited("documents.upsert", name, scope) {
                let upserted = try await api.upsert(collection: name, caller: scope.caller) { schema in
                    try DocumentBatch(limits: api.limits).records(items, schema: schema)
                }
                return (upserted, upserted.upserted)
            }
            var response = Vectordb_V1_UpsertDocumentsResponse()
            response.upserted = Int32(clamping: upserted.upserted)
            response.embedded = Int32(clamping: upserted.embedded)
            return response
        }
    }

    public func getDocument(
        request: ServerRequest<Vectordb_V1_GetDocumentRequest>,
        context: ServerContext
    ) async throws -> ServerResponse<Vectordb_V1_Document> {
        await call.run(request, context) { scope in
            let message = request.message
            return Vectordb_V1_Document(
                try await api.document(message.id, collection: message.collection, caller: scope.caller)
            )
        }
    }

    public func deleteDocument(
        request: ServerRequest<Vectordb_V1_DeleteDocumentRequest>,
        context: ServerContext
    ) async throws -> ServerResponse<Vectordb_V1_DeleteDocumentResponse> {
        await call.run(request, context) { scope in
            let message = request.message
            let deleted = try await audited("document.delete", message.collection, scope) {
                (try await api.deleteDocument(message.id, collection: message.collection, caller: scope.caller), 1)
            }
            var response = Vectordb_V1_DeleteDocumentResponse()
            response.deleted = deleted.deleted
            return response
        }
    }

    public func search(
        request: ServerRequest<Vectordb_V1_SearchRequest>,
        context: ServerContext
    ) async throws -> ServerResponse<Vectordb_V1_SearchResponse> {
        await call.run(request, context) { scope in
            let body = SearchBody(request.message)
            let response = try await api.searchLimited(
                body,
                collection: request.message.collection,
                caller: scope.caller,
                timeout: scope.timeout
            ) { work in
                try await scope.cancellingOnClose(work)
            }
            return Vectordb_V1_SearchResponse(response)
        }
    }

    /// A write or admin call, audited as the HTTP API audits it (`api` `grpc`; `status` the HTTP
    /// status of the same success).
    private func audited<T>(
        _ action: String,
        _ collection: String,
        _ scope: GRPCCall.Scope,
        status: Int = 200,
        _ body: () async throws -> (T, Int?)
    ) async throws -> T {
        try await api.audited(
            action,
            collection: collection,
            caller: scope.caller,
            requestID: scope.requestID,
            api: "grpc",
            status: { _ in status },
            body
        )
    }
}
