import Foundation
import Hummingbird

extension QueryAPI {
    /// An HTTP write or admin call, audited (`audited(_:collection:caller:requestID:api:status:_:)`)
    /// with the status of its response.
    func audited(
        _ action: String,
        collection: String,
        _ context: ServiceRequestContext,
        _ body: () async throws -> (Response, Int?)
    ) async throws -> Response {
        try await audited(
            action,
            collection: collection,
            caller: try context.requireCaller(),
            requestID: context.requestID,
            api: "http",
            status: { Int($0.status.code) },
            body
        )
    }

    /// Runs a write or admin call of either API and appends its audit line (tenant, key id,
    /// request id, API, action, collection, documents, status) whether it succeeds or fails; `body`
    /// returns the answer and the number of documents it wrote or deleted, `status` the HTTP status
    /// of a successful answer. A failure is recorded with its `APIError`'s HTTP status and thrown
    /// as that `APIError`.
    func audited<T>(
        _ action: String,
        collection: String,
        caller: Caller,
        requestID: String,
        api: String,
        status: (T) -> Int,
        _ body: () async throws -> (T, Int?)
    ) async throws -> T {
        func record(_ status: Int, _ documents: Int?) async {
            await audit?.record(
                AuditEvent(
                    time: Date(),
                    requestID: requestID,
                    tenant: caller.tenant.name,
                    keyID: caller.keyID,
                    api: api,
                    action: action,
                    collection: collection,
                    documents: documents,
                    status: status
                )
            )
        }
        do {
            let (answer, documents) = try await body()
            await record(status(answer), documents)
            return answer
        } catch {
            let failure = APIError.from(error)
            await record(Int(failure.status.code), nil)
            throw failure
        }
    }
}
