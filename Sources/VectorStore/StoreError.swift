/// A failure of the vector store.
///
/// Codes (and their `ErrorCategory`): `notFound` and `badInput` are the caller's (no such store, a
/// vector of the wrong dimension, an unknown filter key); `conflict` is a request that does not fit
/// the collection's state (it exists with another embedding model or dimension; it is closed);
/// `corruption` (*corrupt*) means persisted bytes fail their checksum or framing (the context names
/// the file and byte offset); `io` (*unavailable*) is an environmental failure (disk full,
/// permissions, a race with another process): retrying later may help; `internal` is a broken
/// invariant. A write refused by the schema also carries the `violation`, the document id and the field.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case notFound
        case badInput
        case corruption
        case io
        case conflict
        case `internal`
    }

    /// Why a write or a filter does not fit the collection schema (all *bad input*).
    public enum Violation: String, Sendable {
        /// A field name the schema does not declare.
        case unknownField
        /// A value of another type than the field's.
        case wrongType
        /// A required field (without default) is absent, or a vector field has no vector.
        case missingField
        /// A vector with another number of components than its field's dimension.
        case wrongDimension
        /// A NaN or infinite vector component or double value.
        case nonFinite
        /// More documents in one batch than `StoreOptions.batchRecordsMax`, or a payload over the WAL limit.
        case oversizedBatch
        /// An empty or over-long primary key.
        case badKey
        /// A schema that is not well formed, or a change to it that is not an allowed evolution.
        case badSchema
    }

    public let code: Code
    public let message: String
    /// The file concerned, when there is one.
    public let file: String?
    /// The byte offset in `file` where the problem starts, when known.
    public let offsetBytes: Int?
    public let violation: Violation?
    /// The primary key of the document concerned, when there is one.
    public let documentID: String?
    /// The field concerned, when there is one.
    public let field: String?

    public init(
        code: Code,
        message: String,
        file: String? = nil,
        offsetBytes: Int? = nil,
        violation: Violation? = nil,
        documentID: String? = nil,
        field: String? = nil
    ) {
        self.code = code
        self.message = message
        self.file = file
        self.offsetBytes = offsetBytes
        self.violation = violation
        self.documentID = documentID
        self.field = field
    }

    /// A bad-input error for a schema violation of one document (or the whole batch when `documentID` is nil).
    public static func violation(
        _ violation: Violation,
        _ message: String,
        document documentID: String? = nil,
        field: String? = nil
    ) -> StoreError {
        let subject = [documentID.map { "document '\($0.prefix(64))'" }, field.map { "field '\($0)'" }]
            .compactMap { $0 }.joined(separator: ", ")
        return StoreError(
            code: .badInput,
            message: subject.isEmpty ? message : subject + ": " + message,
            violation: violation,
            documentID: documentID,
            field: field
        )
    }

    public var description: String {
        var text = message
        if let file { text += " (\(file)" + (offsetBytes.map { " at byte \($0)" } ?? "") + ")" }
        return text
    }
}
