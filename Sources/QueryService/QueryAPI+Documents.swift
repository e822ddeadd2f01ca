import Hummingbird
import Pipeline
import VectorStore

extension QueryAPI {
    struct Upserted: Encodable {
        var upserted: Int
        var embedded: Int
    }

    struct DocumentBody: Encodable {
        var id: String
        var fields: JSONValue
        var expiresAt: String?
    }

    struct Deleted: Encodable {
        var deleted: String
    }

    /// `POST /v1/collections/{name}/documents`: one atomic batch, `{"documents": [...]}` or JSON
    /// lines (`Content-Type: application/x-ndjson`), each document as `vectordb import` reads a line.
    @Sendable func upsertDocuments(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let name = try context.parameters.require("name")
        return try await audited("documents.upsert", collection: name, context) {
            let bytes = try await request.body.collect(upTo: limits.bodyBytesMax)
            let collection = try await collection(caller, name)
            let info = await collection.info
            let records = try DocumentBatch(limits: limits).records(
                bytes,
                contentType: request.headers[.contentType],
                schema: info.schema
            )
            var documents = records.map(\.document)
            let embedded = records.filter { $0.textToEmbed != nil }.count
            if embedded > 0 {
                let embedder = try stores.embedder(caller.tenant, info)
                documents = try await DocumentImporter.documents(of: records, info: info, embedder: embedder)
            }
            try await collection.upsert(documents)
            return (JSONBody.response(Upserted(upserted: documents.count, embedded: embedded)), documents.count)
        }
    }

    /// `GET /v1/collections/{name}/documents/{id}`: the live document's fields.
    @Sendable func getDocument(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let name = try context.parameters.require("name")
        let id = try context.parameters.require("id")
        guard let document = try await collection(caller, name).readSnapshot().document(id: id) else {
            throw APIError(.notFound, code: "not_found", message: "no document '\(id.prefix(256))' in '\(name)'")
        }
        return JSONBody.response(
            DocumentBody(
                id: document.id,
                fields: HitBody.json(document.fields),
                expiresAt: document.expiresAt?.formatted(.iso8601)
            )
        )
    }

    /// `DELETE /v1/collections/{name}/documents/{id}`: durable when answered; 404 when absent.
    @Sendable func deleteDocument(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let name = try context.parameters.require("name")
        let id = try context.parameters.require("id")
        return try await audited("document.delete", collection: name, context) {
            let collection = try await collection(caller, name)
            guard try await collection.readSnapshot().document(id: id) != nil else {
                throw APIError(.notFound, code: "not_found", message: "no document '\(id.prefix(256))' in '\(name)'")
            }
            try await collection.delete([id])
            return (JSONBody.response(Deleted(deleted: id)), 1)
        }
    }
}
