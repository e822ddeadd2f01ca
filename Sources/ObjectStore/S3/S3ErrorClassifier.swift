/// Maps an S3 error response — its HTTP status and the `<Code>` of its XML body — onto an
/// `ObjectStoreError` code, in one place (docs/object-store.md, "Errors").
enum S3ErrorClassifier {
    static func code(status: Int, s3Code: String?) -> ObjectStoreError.Code {
        switch (status, s3Code) {
        case (_, "SlowDown"), (_, "Throttling"), (_, "ThrottlingException"), (_, "RequestLimitExceeded"), (429, _):
            return .throttled
        case (_, "RequestTimeout"), (_, "InternalError"), (_, "ServiceUnavailable"):
            return .transient
        case (_, "ExpiredToken"), (_, "InvalidToken"), (_, "AuthorizationHeaderMalformed"), (_, "InvalidAccessKeyId"),
            (_, "SignatureDoesNotMatch"), (_, "RequestTimeTooSkewed"), (401, _), (403, _):
            return .auth
        case (404, _): return .notFound
        case (409, _): return .conflict
        case (412, _): return .preconditionFailed
        case (503, _): return .throttled
        case (500...599, _): return .transient
        default: return .badInput
        }
    }
}
