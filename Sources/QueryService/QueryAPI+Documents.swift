import Hummingbird
import Pipeline
import VectorStore

extension QueryAPI {
    /// An upsert's answer.
    struct Upserted: Encodable, Sendable {
        var upserted: Int
        var embedded: Int
    }

    /// A live document as `GET …/documents/{id}` answers it.
    struct DocumentBody: Encodable, Sendable {
        var id: String
        var fields: JSONValue
        var expiresAt: String?
    }

    /// A delete's answer.
    struct Deleted: Encodable, Sendable {
        var deleted: String
    }

    /// `POST /v1/collections/{name}/documents`: one atomic batch, `{"documents": [...]}` or JSON
    /// lines (`Content-Type: application/x-ndjson`), each document as `vectordb import` reads a line.
    @Sendable func upsertDocuments(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let name = try context.parameters.require("name")
        return try await audited("documents.upsert", collection: name, context) {
            let bytes = try await request.body.collect(upTo: limits.bodyBytesMax)
            let contentType = request.headers[.contentType]
            let upserted = try await upsert(collection: name, caller: caller) { schema in
                try DocumentBatch(limits: limits).records(bytes, contentType: contentType, schema: schema)
            }
            return (JSONBody.response(upserted), upserted.upserted)
        }
    }

    /// The upsert of both APIs: `read` turns the request into records against the collection's
    /// schema (the whole batch, before anything is written); documents with `text` are embedded
    /// with the collection's embedder; the batch is written as one store batch.
    ///
    /// - Throws: `APIError` 404 for an unknown collection, 400 (from `read`) for a bad document;
    ///   the embedder's and the store's errors.
    func upsert(
        collection name: String,
        caller: Caller,
        read: (CollectionSchema) throws -> [ImportRecord]
    ) async throws -> Upserted {
        let collection = try await collection(caller, name)
        let info = await collection.info
        let records = try read(info.schema)
        var documents = records.map(\.document)
        let embedded = records.filter { $0.textToEmbed != nil }.count
        if embedded > 0 {
            let embedder = try stores.embedder(caller.tenant, info)
            documents = try await DocumentImporter.documents(of: records, info: info, embedder: embedder)
        }
        try await collection.upsert(documents)
        return Upserted(upserted: documents.count, embedded: embedded)
    }

    /// `GET /v1/collections/{name}/documents/{id}`: the live document's fields.
    @Sendable func getDocument(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let name = try context.parameters.require("name")
        let id = try context.parameters.require("id")
        return JSONBody.response(try await document(id, collection: name, caller: caller))
    }

    /// The live document `id` of the caller's collection `name`.
    ///
    /// - Throws: `APIError` 404 for an unknown collection or document.
    func document(_ id: String, collection name: String, caller: Caller) async throws -> DocumentBody {
        guard let document = try await collection(caller, name).readSnapshot().document(id: id) else {
            throw APIError(.notFound, code: "not_found", message: "no document '\(id.prefix(256))' in '\(name)'")
        }
        return DocumentBody(
            id: document.id,
            fields: HitBody.json(document.fields),
            expiresAt: document.expiresAt?.formatted(.iso8601)
        )
    }

    /// `DELETE /v1/collections/{name}/documents/{id}`: durable when answered; 404 when absent.
    @Sendable func deleteDocument(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let name = try context.parameters.require("name")
        let id = try context.parameters.require("id")
        return try await audited("document.delete", collection: name, context) {
            (JSONBody.response(try await deleteDocument(id, collection: name, caller: caller)), 1)
        }
    }

    /// Deletes the live document `id` of the caller's collection `name`, durably.
    ///
    /// - Throws: `APIError` 404 for an unknown collection or document; the store's errors.
    func deleteDocument(_ id: String, collection name: String, caller: Caller) async throws -> Deleted {
        let collection = try await collection(caller, name)
        guard try await collection.readSnapshot().document(id: id) != nil else {
            throw APIError(.notFound, code: "not_found", message: "no document '\(id.prefix(256))' in '\(name)'")
        }
        try await collection.delete([id])
        return Deleted(deleted: id)
    }
}
