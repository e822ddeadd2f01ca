import Foundation
import Hummingbird

extension QueryAPI {
    /// Runs a write or admin call and appends its audit line (tenant, key id, request id, action,
    /// collection, documents, status) whether it succeeds or fails; `body` returns the response
    /// and the number of documents it wrote or deleted.
    func audited(
        _ action: String,
        collection: String,
        _ context: ServiceRequestContext,
        _ body: () async throws -> (Response, Int?)
    ) async throws -> Response {
        let caller = try context.requireCaller()
        func record(_ status: Int, _ documents: Int?) async {
            await audit?.record(
                AuditEvent(
                    time: Date(),
                    requestID: context.requestID,
                    tenant: caller.tenant.name,
                    keyID: caller.keyID,
                    action: action,
                    collection: collection,
                    documents: documents,
                    status: status
                )
            )
        }
        do {
            let (response, documents) = try await body()
            await record(Int(response.status.code), documents)
            return response
        } catch {
            let api = APIError.from(error)
            await record(Int(api.status.code), nil)
            throw api
        }
    }
}
