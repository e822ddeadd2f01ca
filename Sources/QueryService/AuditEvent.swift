import Foundation

/// One line of the audit log: a write or an admin call, who made it and how it ended.
public struct AuditEvent: Sendable, Hashable, Codable {
    /// ISO 8601, UTC, milliseconds.
    public var time: String
    public var requestID: String
    public var tenant: String
    /// `Caller.keyID` (a hash prefix), `none` without authentication.
    public var keyID: String
    /// `collection.create`, `collection.drop`, `documents.upsert`, `document.delete`.
    public var action: String
    public var collection: String
    /// Documents written or deleted, when the call concerns documents.
    public var documents: Int?
    /// The HTTP status answered.
    public var status: Int

    enum CodingKeys: String, CodingKey {
        case time = "ts"
        case requestID = "request_id"
        case tenant
        case keyID = "key_id"
        case action
        case collection
        case documents
        case status
    }

    public init(
        time: Date,
        requestID: String,
        tenant: String,
        keyID: String,
        action: String,
        collection: String,
        documents: Int?,
        status: Int
    ) {
        self.time = time.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))
        self.requestID = requestID
        self.tenant = tenant
        self.keyID = keyID
        self.action = action
        self.collection = collection
        self.documents = documents
        self.status = status
    }
}
